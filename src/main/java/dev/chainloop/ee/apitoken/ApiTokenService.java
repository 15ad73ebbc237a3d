package dev.chainloop.ee.apitoken;

import dev.chainloop.ee.audit.AuditEntry;
import dev.chainloop.ee.audit.AuditService;
import dev.chainloop.ee.organization.Organization;
import dev.chainloop.ee.organization.OrganizationService;
import dev.chainloop.ee.platform.Names;
import dev.chainloop.ee.platform.error.ConflictException;
import dev.chainloop.ee.platform.error.ForbiddenOperationException;
import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.error.UnknownResourceException;
import dev.chainloop.ee.platform.persistence.KeysetCursor;
import dev.chainloop.ee.platform.persistence.PageRequest;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.Permission;
import dev.chainloop.ee.platform.security.TokenKind;
import dev.chainloop.ee.project.Project;
import dev.chainloop.ee.project.ProjectService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An organization's API tokens: create, list, revoke, describe the calling one, and revoke those
 * left unused. Robot accounts are {@link RobotAccountService}'s; the per-request check is {@link
 * ApiTokenAuthenticator}'s.
 */
@Stateless
public class ApiTokenService {
  @Inject ApiTokenRepository repository;
  @Inject Caller caller;
  @Inject TokenMinter minter;
  @Inject TokenLifetimes lifetimes;
  @Inject ProjectService projects;
  @Inject OrganizationService organizations;
  @Inject AuditService audit;

  private final Clock clock = Clock.systemUTC();

  /** A freshly created token with its JWT, which is shown this once. */
  public record IssuedToken(ApiToken token, String jwt) {}

  /** What a client asks for; everything but the name is optional. */
  public record CreateApiToken(
      String name,
      String description,
      String expiresIn,
      String projectName,
      List<String> permissions) {}

  public IssuedToken create(CreateApiToken request) {
    caller.require(Permission.API_TOKEN_CREATE);
    String name = request.name();
    Names.requireDns1123("name", name);
    String projectName = blankToNull(request.projectName());
    if (projectName == null) {
      if (caller.kind() == TokenKind.API_TOKEN) {
        throw new InvalidInputException(
            "project", "org-level API tokens must specify a project when creating new tokens");
      }
      if (caller.role().map(r -> r.projectScoped()).orElse(false)) {
        throw new InvalidInputException("project", "project is required for your role");
      }
    }
    Optional<Project> project = Optional.ofNullable(projectName).map(p -> projects.get(p.trim()));
    Organization org =
        organizations
            .findLive(caller.organizationId())
            .orElseThrow(() -> new UnknownResourceException("organization not found"));
    Instant now = clock.instant();
    Instant expiresAt = lifetimes.expiry(request.expiresIn(), org.getApiTokenMaxLifetime(), now);
    Set<Permission> granted =
        TokenPolicies.narrow(
            project.isEmpty() ? TokenPolicies.ORG_LEVEL : TokenPolicies.DEFAULT,
            request.permissions());
    TokenScope scope =
        project
            .map(p -> TokenScope.project(org.getId(), p.ref()))
            .orElseGet(() -> TokenScope.organization(org.getId()));
    ApiToken token =
        ApiToken.apiToken(name, blankToNull(request.description()), scope, granted, now, expiresAt);
    if (repository.activeKeyTaken(ApiToken.uniqueKey(TokenKind.API_TOKEN, scope, name))) {
      throw new ConflictException(
          "name already taken: an active API token named \"" + name + "\" exists");
    }
    repository.save(token);
    audit.record(
        AuditEntry.of("api_token.created")
            .in(org.getId())
            .by(caller.actor())
            .on("api_token", token.getId())
            .detail(
                "name="
                    + name
                    + " scope="
                    + scope.wire()
                    + (expiresAt == null ? " expires=never" : " expires=" + expiresAt)));
    return new IssuedToken(token, minter.mint(token, org.getName()));
  }

  /**
   * API tokens of the caller's organization, oldest first. {@code status}: active (default),
   * expired, revoked or all; {@code scope}: project or global; {@code limit}: at most this many
   * (1..{@link Page#MAX_PAGE_SIZE}, null = the maximum). API tokens and project-scoped callers see
   * only project tokens, of their own project if they have one.
   */
  /** One page of API tokens, oldest first; {@code nextCursor} is null on the last page. */
  public record TokenPage(List<ApiToken> items, String nextCursor) {}

  /**
   * The organization's API tokens, oldest first, {@code limit} a page (1-100, default 100); {@code
   * next} is the previous page's {@code nextCursor}.
   */
  public TokenPage list(
      String status, String projectName, String scope, Integer limit, String next) {
    caller.require(Permission.API_TOKEN_LIST);
    int max = PageRequest.limitOf(limit);
    KeysetCursor after = next != null && !next.isBlank() ? KeysetCursor.decode(next) : null;
    Optional<TokenStatus> statusFilter = TokenStatus.filter(status);
    Optional<TokenScope.Level> level = TokenScope.Level.filter(scope);
    List<String> projectIds = null;
    if (projectName != null && !projectName.isBlank()) {
      projectIds = List.of(projects.get(projectName.trim()).getId());
    } else if (caller.projectScope().isPresent()) {
      projectIds = List.of(caller.projectScope().get());
    }
    if (caller.kind() == TokenKind.API_TOKEN) {
      level = Optional.of(TokenScope.Level.PROJECT);
    }
    List<ApiToken> rows =
        repository.list(
            new ApiTokenRepository.Filter(
                caller.organizationId(),
                TokenKind.API_TOKEN,
                statusFilter,
                projectIds,
                level,
                null,
                after),
            clock.instant(),
            max + 1);
    if (rows.size() <= max) {
      return new TokenPage(rows, null);
    }
    ApiToken last = rows.get(max - 1);
    return new TokenPage(
        rows.subList(0, max), new KeysetCursor(last.getCreatedAt(), last.getId()).encode());
  }

  /**
   * Revokes an API token of the caller's organization; it is refused from the next request on.
   * Tokens and project-bound roles cannot revoke global tokens.
   */
  public void revoke(String id) {
    ApiToken token =
        repository
            .findInOrganization(caller.organizationId(), id, TokenKind.API_TOKEN)
            .filter(t -> caller.canSeeProject(t.getProjectId()))
            .orElseThrow(() -> new UnknownResourceException("API token not found"));
    caller.require(Permission.API_TOKEN_DELETE);
    boolean limited =
        caller.kind() == TokenKind.API_TOKEN
            || caller.role().map(r -> r.projectScoped()).orElse(false);
    if (limited && token.getProjectId() == null) {
      throw new ForbiddenOperationException("you can not manage a global API token");
    }
    if (repository.revoke(token.getId(), clock.instant())) {
      audit.record(
          AuditEntry.of("api_token.revoked")
              .in(token.getOrganizationId())
              .by(caller.actor())
              .on("api_token", token.getId())
              .detail("name=" + token.getName()));
    }
  }

  /** The token making the current call. */
  public ApiToken self() {
    return repository
        .find(caller.identity().credentialId())
        .orElseThrow(() -> new UnknownResourceException("API token not found"));
  }

  /** Revokes tokens of {@code organizationId} unused for its configured number of days. */
  public int revokeInactive(String organizationId, int maxDaysInactive, Instant now) {
    int revoked = 0;
    for (String id :
        repository.inactiveSince(organizationId, now.minus(Duration.ofDays(maxDaysInactive)))) {
      if (repository.revoke(id, now)) {
        revoked++;
        audit.record(
            AuditEntry.of("api_token.auto_revoked")
                .in(organizationId)
                .by("system")
                .on("api_token", id)
                .detail("unused for more than " + maxDaysInactive + " days"));
      }
    }
    return revoked;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
