/**
 * Content-addressed artifacts (CAS): uploads streamed, hashed and checked against their digest,
 * stored once on the filesystem or in the database, and readable only by organizations that
 * uploaded them.
 *
 * <p>Owns the {@code cas_refs} and {@code cas_blobs} tables. May call platform only; other features
 * use {@link Digests} for the API's digest format.
 */
package dev.chainloop.ee.artifact;
