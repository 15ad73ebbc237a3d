/**
 * Federated CI identity: an organization's trust rules for CI providers' OIDC ID tokens (GitHub
 * Actions, GitLab CI), checking a verified token's claims against a rule's conditions, and (to
 * come) exchanging the token for a short-lived API credential scoped as the rule says.
 *
 * <p>May call platform. Work in progress: only the rule terms ({@link TrustTerms}, {@link
 * ClaimCondition}) exist so far.
 */
package dev.chainloop.ee.federation;
