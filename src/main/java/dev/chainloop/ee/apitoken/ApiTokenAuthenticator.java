package dev.chainloop.ee.apitoken;

import dev.chainloop.ee.audit.AuditEntry;
import dev.chainloop.ee.audit.AuditService;
import dev.chainloop.ee.platform.error.AuthenticationException;
import dev.chainloop.ee.platform.persistence.Ids;
import dev.chainloop.ee.platform.security.TokenKind;
import dev.chainloop.ee.platform.security.VerifiedTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The per-request check of an API token or robot account: MicroProfile JWT verified the signature
 * and expiry; this checks the JWT against its row (deleted, revoked, claims that do not match) and
 * records when the token was last used. One query reads the token and its organization; no
 * transaction is opened for it (the last-used write has its own, see {@link ApiTokenUsage}).
 */
@ApplicationScoped
public class ApiTokenAuthenticator {
  private static final Logger LOG = Logger.getLogger(ApiTokenAuthenticator.class.getName());

  /** {@code last_used_at} is written at most once per token per this window (A2). */
  static final Duration LAST_USED_WINDOW = Duration.ofMinutes(1);

  @Inject ApiTokenRepository repository;
  @Inject ApiTokenUsage usage;
  @Inject AuditService audit;

  private final Clock clock = Clock.systemUTC();

  /** A checked token and the name of its (live) organization. */
  public record Authenticated(ApiToken token, String organizationName) {}

  /**
   * The row of a verified JWT of {@code kind}, on every request. Rejections of revoked or tampered
   * tokens are audited in their own transaction.
   */
  public Authenticated authenticate(JsonWebToken jwt, TokenKind kind) {
    Instant now = clock.instant();
    Optional<ApiTokenRepository.WithOrganization> row =
        Ids.parse(jwt.getTokenID()).flatMap(repository::findWithOrganization);
    if (row.isEmpty() || row.get().token().getKind() != kind) {
      throw new AuthenticationException(
          kind == TokenKind.API_TOKEN ? "API token not found" : "robot account not found",
          "not_found");
    }
    ApiToken token = row.get().token();
    if (token.getRevokedAt() != null) {
      refused(token, kind, "revoked token used");
      throw new AuthenticationException(
          kind == TokenKind.API_TOKEN ? "API token revoked" : "robot account revoked", "revoked");
    }
    JsonObject claims = VerifiedTokens.claims(jwt);
    if (!Objects.equals(token.getOrganizationId(), VerifiedTokens.string(claims, "org_id"))
        || !Objects.equals(token.getProjectId(), VerifiedTokens.string(claims, "project_id"))
        || !Objects.equals(token.getWorkflowId(), VerifiedTokens.string(claims, "workflow_id"))) {
      refused(token, kind, "claims do not match the token");
      throw new AuthenticationException("API token claims do not match", "claims_mismatch");
    }
    if (!row.get().organizationLive()) {
      // A deleted organization kills its tokens.
      throw new AuthenticationException(
          "the organization of this API token no longer exists", "organization_deleted");
    }
    if (token.getLastUsedAt() == null
        || token.getLastUsedAt().isBefore(now.minus(LAST_USED_WINDOW))) {
      usage.record(token.getId(), now);
    }
    return new Authenticated(token, row.get().organizationName());
  }

  /**
   * A genuine token (its signature verified) that its row refuses: possibly a leaked one, so it is
   * audited in its own transaction and logged (with the request id, {@code ext_requestId}).
   */
  private void refused(ApiToken token, TokenKind kind, String reason) {
    audit.recordSeparately(
        AuditEntry.of("api_token.rejected")
            .in(token.getOrganizationId())
            .by(kind.group() + ":" + token.getId())
            .on("api_token", token.getId())
            .detail(reason));
    LOG.warning(
        () ->
            "Refused "
                + kind.group()
                + " "
                + token.getId()
                + " of organization "
                + token.getOrganizationId()
                + ": "
                + reason);
  }
}
