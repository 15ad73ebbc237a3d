package dev.chainloop.ee.federation;

import dev.chainloop.ee.apitoken.ApiTokenService.IssuedToken;
import dev.chainloop.ee.apitoken.ExchangedTokenService;
import dev.chainloop.ee.audit.AuditEntry;
import dev.chainloop.ee.audit.AuditService;
import dev.chainloop.ee.federation.IdTokenVerifier.RejectedToken;
import dev.chainloop.ee.organization.Organization;
import dev.chainloop.ee.organization.OrganizationService;
import dev.chainloop.ee.platform.error.AuthenticationException;
import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.security.CiIdentity;
import dev.chainloop.ee.platform.security.RateLimiter;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * RFC 8693 token exchange: a CI job's OIDC ID token for a short-lived credential. The token must
 * verify against its issuer's published keys and meet exactly one trust rule (of the named
 * organization, if the request names one); the credential lives at most as long as the token and at
 * most an hour, with the rule's scope and permissions. Every refusal is a 401 whose reason is
 * audited (in the organization whose rules were tried, when there is one).
 */
@Stateless
public class TokenExchangeService {
  public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";
  public static final String ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";
  public static final String JWT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";

  /** Longer than any real ID token; a larger one is refused before parsing. */
  private static final int MAX_TOKEN_CHARS = 16 * 1024;

  @Inject TrustedIdentityRepository repository;
  @Inject IdTokenVerifier verifier;
  @Inject ExchangedTokenService exchanged;
  @Inject OrganizationService organizations;
  @Inject AuditService audit;
  @Inject RateLimiter rateLimiter;

  private final Clock clock = Clock.systemUTC();

  /** The issued credential and how long it lives. */
  public record Exchanged(IssuedToken issued, Duration life) {}

  public Exchanged exchange(
      String grantType, String subjectToken, String subjectTokenType, String organizationName) {
    if (!GRANT_TYPE.equals(grantType)) {
      throw new InvalidInputException("grant_type", "must be " + GRANT_TYPE);
    }
    if (!ID_TOKEN_TYPE.equals(subjectTokenType) && !JWT_TOKEN_TYPE.equals(subjectTokenType)) {
      throw new InvalidInputException("subject_token_type", "must be " + ID_TOKEN_TYPE);
    }
    if (subjectToken == null || subjectToken.isBlank() || subjectToken.length() > MAX_TOKEN_CHARS) {
      throw new InvalidInputException("subject_token", "must be an ID token (a JWT)");
    }
    String token = subjectToken.trim();
    String issuer;
    try {
      issuer = IdTokenVerifier.claimedIssuer(token);
    } catch (RejectedToken e) {
      throw refuse(null, e.reason(), e.getMessage());
    }
    // Exchanges are anonymous: the bucket is the issuer's, so that a flood of tokens (valid or
    // not) claiming one issuer cannot make this server hammer it or the audit log without bound.
    rateLimiter.acquire("token-exchange:" + issuer);
    List<TrustedIdentity> rules =
        repository.ofIssuer(issuer).stream()
            .filter(r -> organizationName == null || inOrganization(r, organizationName))
            .toList();
    if (rules.isEmpty()) {
      throw refuse(null, "untrusted_issuer", "no trusted identity accepts tokens of this issuer");
    }
    String orgId = singleOrganization(rules);
    Set<String> audiences =
        rules.stream().map(r -> r.terms().audience()).collect(Collectors.toSet());
    Map<String, Object> claims;
    try {
      claims = verifier.verify(token, issuer, audiences);
    } catch (RejectedToken e) {
      throw refuse(orgId, e.reason(), e.getMessage());
    }
    List<TrustedIdentity> matching =
        rules.stream()
            .filter(r -> audienceOf(claims).contains(r.terms().audience()))
            .filter(r -> r.terms().accepts(claims))
            .toList();
    if (matching.isEmpty()) {
      String unmet =
          rules.stream()
              .flatMap(r -> r.terms().firstUnmet(claims).stream())
              .map(c -> c.claim())
              .findFirst()
              .orElse("aud");
      throw refuse(
          orgId, "conditions", "the ID token meets no trusted identity (claim " + unmet + ")");
    }
    if (matching.size() > 1) {
      throw refuse(
          singleOrganization(matching),
          "ambiguous",
          "the ID token meets "
              + matching.size()
              + " trusted identities; name the organization or narrow their conditions");
    }
    return issue(matching.get(0), issuer, claims);
  }

  private Exchanged issue(TrustedIdentity candidate, String issuer, Map<String, Object> claims) {
    Instant now = clock.instant();
    TrustedIdentity rule =
        repository
            .lock(candidate.getId())
            .orElseThrow(
                () -> refuse(null, "rule_deleted", "the trusted identity was just deleted"));
    Instant expiry = Instant.ofEpochSecond(((Number) claims.get("exp")).longValue());
    Duration life = TrustTerms.exchangedLife(expiry, now);
    if (life.toSeconds() < 1) {
      throw refuse(rule.getOrganizationId(), "expired", "the ID token has expired");
    }
    Optional<Organization> org = organizations.findLive(rule.getOrganizationId());
    if (org.isEmpty()) {
      throw refuse(null, "organization_deleted", "the organization of this trust rule is gone");
    }
    CiIdentity ci = CiIdentity.fromClaims(issuer, (String) claims.get("sub"), claims);
    Instant expiresAt = now.plusSeconds(life.toSeconds());
    IssuedToken issued =
        exchanged.issue(
            rule.scope(),
            org.get().getName(),
            rule.getPermissions(),
            now,
            expiresAt,
            rule.getId(),
            ci);
    return new Exchanged(issued, Duration.between(now, expiresAt));
  }

  private boolean inOrganization(TrustedIdentity rule, String organizationName) {
    return organizations
        .findLive(rule.getOrganizationId())
        .map(o -> o.getName().equals(organizationName))
        .orElse(false);
  }

  private static List<String> audienceOf(Map<String, Object> claims) {
    Object aud = claims.get("aud");
    if (aud instanceof String single) {
      return List.of(single);
    }
    if (aud instanceof List<?> many) {
      return many.stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  /** The organization all {@code rules} belong to, or null when they span several. */
  private static String singleOrganization(List<TrustedIdentity> rules) {
    Set<String> orgs =
        rules.stream().map(TrustedIdentity::getOrganizationId).collect(Collectors.toSet());
    return orgs.size() == 1 ? orgs.iterator().next() : null;
  }

  /**
   * A 401 for the client; the reason is audited in its own transaction, as the request rolls back.
   */
  private AuthenticationException refuse(String organizationId, String reason, String message) {
    audit.recordSeparately(
        AuditEntry.of("trusted_identity.exchange_refused")
            .in(organizationId)
            .by("anonymous")
            .on("trusted_identity", null)
            .detail("reason=" + reason + ": " + message));
    return new AuthenticationException("token exchange refused: " + message, "federated_" + reason);
  }
}
