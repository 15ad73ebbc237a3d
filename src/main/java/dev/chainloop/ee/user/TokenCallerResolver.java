package dev.chainloop.ee.user;

import dev.chainloop.ee.apitoken.ApiToken;
import dev.chainloop.ee.apitoken.ApiTokenService;
import dev.chainloop.ee.organization.OrganizationService;
import dev.chainloop.ee.platform.error.AuthenticationException;
import dev.chainloop.ee.platform.error.UnknownResourceException;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.CallerResolver;
import dev.chainloop.ee.platform.security.TokenKind;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Resolves every kind of token in one transaction: user tokens against their session and
 * membership, API tokens and robot accounts against their row.
 */
@Stateless
public class TokenCallerResolver implements CallerResolver {
  @Inject SessionService sessions;
  @Inject OrganizationService organizations;
  @Inject ApiTokenService apiTokens;

  @Override
  public Caller.Identity resolve(JsonWebToken jwt, String organizationHeader) {
    Set<String> groups = jwt.getGroups();
    TokenKind kind =
        groups == null || groups.size() != 1
            ? null
            : TokenKind.ofGroup(groups.iterator().next()).orElse(null);
    if (kind == null || jwt.getAudience() == null || !jwt.getAudience().contains(kind.audience())) {
      throw new AuthenticationException("unrecognized token", "wrong_kind");
    }
    return switch (kind) {
      case USER -> user(jwt, organizationHeader);
      case API_TOKEN, ROBOT_ACCOUNT -> serviceAccount(jwt, kind);
    };
  }

  private Caller.Identity user(JsonWebToken jwt, String organizationHeader) {
    User user =
        sessions
            .activeUser(jwt.getTokenID(), jwt.getSubject(), Clock.systemUTC().instant())
            .orElseThrow(
                () ->
                    new AuthenticationException(
                        "your session has ended (logged out or expired), please run \"chainloop auth login\" again",
                        "session_ended"));
    var membership = organizations.resolveMembership(user.getId(), organizationHeader);
    if (membership.isEmpty() && organizationHeader != null && !organizationHeader.isBlank()) {
      throw new UnknownResourceException(
          "organization \"" + organizationHeader + "\" not found or you are not a member of it");
    }
    return new Caller.Identity(
        TokenKind.USER,
        jwt.getTokenID(),
        user.getId(),
        user.getEmail(),
        membership.map(m -> m.organizationId()).orElse(null),
        membership.map(m -> m.organizationName()).orElse(null),
        membership.map(m -> m.role()).orElse(null),
        membership.map(m -> m.role().permissions()).orElse(Set.of()),
        null,
        null,
        null);
  }

  private Caller.Identity serviceAccount(JsonWebToken jwt, TokenKind kind) {
    ApiToken token = apiTokens.authenticate(jwt, kind);
    // The one organization lookup of the request: a deleted organization kills its tokens.
    String orgName =
        organizations
            .findLive(token.getOrganizationId())
            .map(o -> o.getName())
            .orElseThrow(
                () ->
                    new AuthenticationException(
                        "the organization of this API token no longer exists",
                        "organization_deleted"));
    return new Caller.Identity(
        kind,
        token.getId(),
        null,
        token.getName(),
        token.getOrganizationId(),
        orgName,
        null,
        token.getPermissions(),
        token.getProjectId(),
        token.getProjectName(),
        token.getWorkflowId());
  }
}
