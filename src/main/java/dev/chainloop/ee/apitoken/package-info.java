/**
 * API tokens and robot accounts: creating them (lifetimes, default and narrowed permissions,
 * minting the JWT), listing and revoking them, revoking those left unused, and checking a token
 * against its row on every request ({@link ApiTokenAuthenticator}).
 *
 * <p>Owns the {@code api_tokens} table. May call platform, and the services of organization (the
 * token's organization and its lifetime cap), project (project-scoped tokens) and audit. Robot
 * accounts are created for the workflow feature, which checks the workflow first.
 */
package dev.chainloop.ee.apitoken;
