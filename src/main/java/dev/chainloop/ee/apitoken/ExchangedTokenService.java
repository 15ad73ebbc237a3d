package dev.chainloop.ee.apitoken;

import dev.chainloop.ee.apitoken.ApiTokenService.IssuedToken;
import dev.chainloop.ee.audit.AuditEntry;
import dev.chainloop.ee.audit.AuditService;
import dev.chainloop.ee.platform.persistence.Ids;
import dev.chainloop.ee.platform.security.CiIdentity;
import dev.chainloop.ee.platform.security.Permission;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Credentials a trust rule issues for CI jobs' ID tokens (the federation feature checks the token
 * and the rule): API tokens or, for a workflow scope, robot accounts, short-lived and marked with
 * the rule so that deleting it revokes them. They are checked on every request like any other
 * token.
 */
@Stateless
public class ExchangedTokenService {
  @Inject ApiTokenRepository repository;
  @Inject TokenMinter minter;
  @Inject AuditService audit;

  /**
   * What a rule of scope {@code level} may grant: the default set of an API token (a robot
   * account's for a workflow scope), or the {@code requested} subset of it.
   */
  public static Set<Permission> grantable(TokenScope.Level level, List<String> requested) {
    return TokenPolicies.narrow(
        level == TokenScope.Level.WORKFLOW ? TokenPolicies.ROBOT_ACCOUNT : TokenPolicies.DEFAULT,
        requested);
  }

  /** A credential for the job {@code ci}, under rule {@code ruleId}, until {@code expiresAt}. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public IssuedToken issue(
      TokenScope scope,
      String organizationName,
      Set<Permission> permissions,
      Instant now,
      Instant expiresAt,
      String ruleId,
      CiIdentity ci) {
    // A fresh id keeps the name unique among active tokens without a lookup.
    String name = "federated-" + Ids.newId();
    ApiToken token = ApiToken.exchanged(name, scope, permissions, now, expiresAt, ruleId, ci);
    repository.save(token);
    audit.record(
        AuditEntry.of("api_token.exchanged")
            .in(scope.organizationId())
            .by("trusted-identity:" + ruleId)
            .on(token.getKind().group().replace('-', '_'), token.getId())
            .detail(
                "scope="
                    + scope.wire()
                    + " expires="
                    + expiresAt
                    + " sub="
                    + ci.subject()
                    + (ci.runId() == null ? "" : " run_id=" + ci.runId())));
    return new IssuedToken(token, minter.mint(token, organizationName));
  }

  /** Revokes what rule {@code ruleId} issued; from the next request on they are refused. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public int revokeIssuedUnder(String ruleId, Instant now) {
    return repository.revokeExchanged(ruleId, now);
  }
}
