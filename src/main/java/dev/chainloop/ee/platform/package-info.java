/**
 * Cross-cutting code every feature builds on: the JAX-RS application and its OpenAPI document
 * filter, and names; with {@code config} (settings), {@code error} (the one error model, RFC 9457),
 * {@code persistence} (ids, paging, converters) and {@code security} (the caller, tokens, keys,
 * rate limits).
 *
 * <p>Owns no table. Imports no feature package (ArchitectureTest checks it): features reach
 * platform, never the other way round; where platform needs a feature's knowledge it owns an
 * interface that the feature implements, such as {@link
 * dev.chainloop.ee.platform.security.CallerResolver}.
 */
package dev.chainloop.ee.platform;
