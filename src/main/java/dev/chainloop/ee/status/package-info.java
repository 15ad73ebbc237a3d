/**
 * The server's public status (version, login URL, sign-up mode) and its readiness checks.
 *
 * <p>Owns no table. May call platform only.
 */
package dev.chainloop.ee.status;
