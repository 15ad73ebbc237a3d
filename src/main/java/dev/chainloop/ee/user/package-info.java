/**
 * Accounts and interactive sessions: sign-up, login and logout, the seam for enterprise identity
 * ({@link CredentialValidator}), and the resolution of every kind of bearer token into the
 * request's {@link dev.chainloop.ee.platform.security.Caller}.
 *
 * <p>Owns the {@code users} and {@code user_sessions} tables. May call platform and the services of
 * organization (memberships, pending invitations), apitoken (the per-request token check) and
 * audit.
 */
package dev.chainloop.ee.user;
