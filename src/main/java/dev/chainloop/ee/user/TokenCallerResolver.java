package dev.chainloop.ee.user;

import dev.chainloop.ee.apitoken.ApiToken;
import dev.chainloop.ee.apitoken.ApiTokenAuthenticator;
import dev.chainloop.ee.apitoken.TokenScope;
import dev.chainloop.ee.organization.OrganizationService;
import dev.chainloop.ee.platform.error.AuthenticationException;
import dev.chainloop.ee.platform.error.UnknownResourceException;
import dev.chainloop.ee.platform.security.Caller.Identity;
import dev.chainloop.ee.platform.security.Caller.Identity.Membership;
import dev.chainloop.ee.platform.security.Caller.Identity.OrganizationRef;
import dev.chainloop.ee.platform.security.Caller.Identity.ProjectRef;
import dev.chainloop.ee.platform.security.CallerResolver;
import dev.chainloop.ee.platform.security.TokenKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Resolves every kind of token, on every request: user tokens against their session and membership,
 * API tokens and robot accounts against their row and organization (one query). It only reads, so
 * it opens no transaction; the lookups it calls join none either.
 */
@ApplicationScoped
public class TokenCallerResolver implements CallerResolver {
  @Inject SessionService sessions;
  @Inject OrganizationService organizations;
  @Inject ApiTokenAuthenticator apiTokens;

  @Override
  public Identity resolve(JsonWebToken jwt, String organizationHeader) {
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

  private Identity user(JsonWebToken jwt, String organizationHeader) {
    User user =
        sessions
            .activeUser(jwt.getTokenID(), jwt.getSubject(), Clock.systemUTC().instant())
            .orElseThrow(
                () ->
                    new AuthenticationException(
                        "your session has ended (logged out or expired), please run \"chainloop auth login\" again",
                        "session_ended"));
    Optional<Membership> membership =
        organizations.resolveMembership(user.getId(), organizationHeader);
    if (membership.isEmpty() && organizationHeader != null && !organizationHeader.isBlank()) {
      throw new UnknownResourceException(
          "organization \"" + organizationHeader + "\" not found or you are not a member of it");
    }
    return Identity.user(jwt.getTokenID(), user.getId(), user.getEmail(), membership);
  }

  private Identity serviceAccount(JsonWebToken jwt, TokenKind kind) {
    ApiTokenAuthenticator.Authenticated checked = apiTokens.authenticate(jwt, kind);
    ApiToken token = checked.token();
    String orgName = checked.organizationName();
    TokenScope scope = token.scope();
    OrganizationRef organization = new OrganizationRef(scope.organizationId(), orgName);
    Optional<ProjectRef> project = scope.project().map(p -> new ProjectRef(p.id(), p.name()));
    if (kind == TokenKind.ROBOT_ACCOUNT) {
      return new Identity.RobotAccount(
          token.getId(),
          token.getName(),
          organization,
          project.orElseThrow(),
          scope.workflowId().orElseThrow(),
          token.getPermissions(),
          token.ciIdentity());
    }
    return new Identity.ApiToken(
        token.getId(),
        token.getName(),
        organization,
        token.getPermissions(),
        project,
        token.ciIdentity());
  }
}
