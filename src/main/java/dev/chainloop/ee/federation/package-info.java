/**
 * Federated CI identity: an organization's trust rules for CI providers' OIDC ID tokens (GitHub
 * Actions, GitLab CI) ({@link TrustedIdentity}, {@link TrustTerms}, {@link ClaimCondition}), their
 * verification against the issuer's published keys ({@link IdTokenVerifier}), and the RFC 8693
 * exchange of a token for a short-lived API credential scoped as the rule says ({@link
 * TokenExchangeService}).
 *
 * <p>May call platform and the services of apitoken (which owns the issued credentials),
 * organization, project and workflow.
 */
package dev.chainloop.ee.federation;
