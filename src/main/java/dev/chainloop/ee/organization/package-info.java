/**
 * Organizations (tenants), their members and roles, and invitations to join them; which
 * organization a user's request acts on.
 *
 * <p>Owns the {@code organizations}, {@code memberships} and {@code invitations} tables. May call
 * platform and the audit service. Its member listing reads account emails from the {@code users}
 * table in the same query.
 */
package dev.chainloop.ee.organization;
