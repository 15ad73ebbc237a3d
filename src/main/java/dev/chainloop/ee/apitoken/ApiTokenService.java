package dev.chainloop.ee.apitoken;

import dev.chainloop.ee.audit.AuditService;
import dev.chainloop.ee.organization.Organization;
import dev.chainloop.ee.organization.OrganizationService;
import dev.chainloop.ee.platform.Names;
import dev.chainloop.ee.platform.config.Durations;
import dev.chainloop.ee.platform.error.AuthenticationException;
import dev.chainloop.ee.platform.error.ConflictException;
import dev.chainloop.ee.platform.error.ForbiddenOperationException;
import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.error.UnknownResourceException;
import dev.chainloop.ee.platform.persistence.Ids;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.Permission;
import dev.chainloop.ee.platform.security.TokenIssuer;
import dev.chainloop.ee.platform.security.TokenKind;
import dev.chainloop.ee.project.Project;
import dev.chainloop.ee.project.ProjectService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Organization API tokens and robot accounts: create, list, revoke, and check on every request. */
@Stateless
public class ApiTokenService {
  /** {@code last_used_at} is written at most once per token per this window (A2). */
  static final Duration LAST_USED_WINDOW = Duration.ofMinutes(1);

  @Inject ApiTokenRepository repository;
  @Inject Caller caller;
  @Inject TokenIssuer issuer;
  @Inject ProjectService projects;
  @Inject OrganizationService organizations;
  @Inject AuditService audit;

  @Inject
  @ConfigProperty(name = "chainloop.api-token.min-expiration", defaultValue = "1m")
  String minExpiration;

  @Inject
  @ConfigProperty(name = "chainloop.api-token.max-expiration", defaultValue = "366d")
  String maxExpiration;

  private final Clock clock = Clock.systemUTC();

  /** A freshly created token with its JWT, which is shown this once. */
  public record IssuedToken(ApiToken token, String jwt) {}

  public IssuedToken create(
      String name,
      String description,
      String expiresIn,
      String projectName,
      List<String> requestedPermissions) {
    caller.require(Permission.API_TOKEN_CREATE);
    Names.requireDns1123("name", name);
    boolean orgLevelToken = caller.kind() == TokenKind.API_TOKEN;
    if (projectName == null || projectName.isBlank()) {
      if (orgLevelToken) {
        throw new InvalidInputException(
            "project", "org-level API tokens must specify a project when creating new tokens");
      }
      if (caller.role().map(r -> r.projectScoped()).orElse(false)) {
        throw new InvalidInputException("project", "project is required for your role");
      }
    }
    Project project =
        projectName == null || projectName.isBlank() ? null : projects.get(projectName.trim());
    Organization org =
        organizations
            .findLive(caller.organizationId())
            .orElseThrow(() -> new UnknownResourceException("organization not found"));
    Instant now = clock.instant();
    Instant expiresAt = expiry(expiresIn, org, now);
    Set<Permission> granted =
        narrow(
            project == null ? TokenPolicies.ORG_LEVEL : TokenPolicies.DEFAULT,
            requestedPermissions);
    ApiToken token =
        new ApiToken(
            TokenKind.API_TOKEN,
            name,
            blankToNull(description),
            org.getId(),
            project == null ? null : project.getId(),
            project == null ? null : project.getName(),
            null,
            granted,
            now,
            expiresAt);
    if (repository.activeKeyTaken(
        ApiToken.uniqueKey(TokenKind.API_TOKEN, org.getId(), token.getProjectId(), null, name))) {
      throw new ConflictException(
          "name already taken: an active API token named \"" + name + "\" exists");
    }
    repository.save(token);
    audit.record(
        org.getId(),
        "api_token.created",
        caller.actor(),
        "api_token",
        token.getId(),
        "name="
            + name
            + " scope="
            + token.scope()
            + (expiresAt == null ? " expires=never" : " expires=" + expiresAt));
    return new IssuedToken(token, mint(token, org.getName()));
  }

  /** A robot account for a workflow: a workflow-scoped token that can only attest it. */
  public IssuedToken createRobotAccount(
      String workflowId, String projectId, String projectName, String name) {
    Names.requireDns1123("name", name);
    String orgId = caller.organizationId();
    Organization org = organizations.findLive(orgId).orElseThrow();
    if (repository.activeKeyTaken(
        ApiToken.uniqueKey(TokenKind.ROBOT_ACCOUNT, orgId, projectId, workflowId, name))) {
      throw new ConflictException(
          "name already taken: an active robot account named \"" + name + "\" exists");
    }
    ApiToken token =
        new ApiToken(
            TokenKind.ROBOT_ACCOUNT,
            name,
            null,
            orgId,
            projectId,
            projectName,
            workflowId,
            TokenPolicies.ROBOT_ACCOUNT,
            clock.instant(),
            null);
    repository.save(token);
    audit.record(
        orgId,
        "robot_account.created",
        caller.actor(),
        "robot_account",
        token.getId(),
        "name=" + name + " workflow=" + workflowId);
    return new IssuedToken(token, mint(token, org.getName()));
  }

  public List<ApiToken> listRobotAccounts(String workflowId, boolean includeRevoked) {
    return repository.list(
        caller.organizationId(),
        TokenKind.ROBOT_ACCOUNT,
        includeRevoked ? "all" : "active",
        null,
        null,
        workflowId,
        clock.instant(),
        ApiTokenRepository.MAX_LIST);
  }

  public List<ApiToken> list(String status, String projectName, String scope) {
    return list(status, projectName, scope, null);
  }

  /**
   * {@code limit}: at most this many, oldest first (null = {@link ApiTokenRepository#MAX_LIST}).
   */
  public List<ApiToken> list(String status, String projectName, String scope, Integer limit) {
    caller.require(Permission.API_TOKEN_LIST);
    int max = limit == null ? ApiTokenRepository.MAX_LIST : limit;
    if (max < 1 || max > ApiTokenRepository.MAX_LIST) {
      throw new InvalidInputException(
          "limit", "must be between 1 and " + ApiTokenRepository.MAX_LIST);
    }
    String s = status == null || status.isBlank() ? "active" : status.trim();
    if (!List.of("active", "expired", "revoked", "all").contains(s)) {
      throw new InvalidInputException("status", "must be one of active, expired, revoked, all");
    }
    String sc = scope == null || scope.isBlank() ? null : scope.trim();
    if (sc != null && !List.of("project", "global").contains(sc)) {
      throw new InvalidInputException("scope", "must be project or global");
    }
    List<String> projectIds = null;
    if (projectName != null && !projectName.isBlank()) {
      projectIds = List.of(projects.get(projectName.trim()).getId());
    } else if (caller.projectScope().isPresent()) {
      projectIds = List.of(caller.projectScope().get());
    }
    if (caller.kind() == TokenKind.API_TOKEN) {
      sc = "project";
    }
    return repository.list(
        caller.organizationId(),
        TokenKind.API_TOKEN,
        s,
        projectIds,
        sc,
        null,
        clock.instant(),
        max);
  }

  public void revoke(String id, TokenKind kind) {
    ApiToken token =
        Ids.parse(id)
            .flatMap(repository::find)
            .filter(
                t -> t.getOrganizationId().equals(caller.organizationId()) && t.getKind() == kind)
            .filter(
                t ->
                    caller.canSeeProject(t.getProjectId())
                        || t.getProjectId() == null && caller.projectScope().isEmpty())
            .orElseThrow(
                () ->
                    new UnknownResourceException(
                        kind == TokenKind.API_TOKEN
                            ? "API token not found"
                            : "robot account not found"));
    if (kind == TokenKind.API_TOKEN) {
      caller.require(Permission.API_TOKEN_DELETE);
      boolean limited =
          caller.kind() == TokenKind.API_TOKEN
              || caller.role().map(r -> r.projectScoped()).orElse(false);
      if (limited && token.getProjectId() == null) {
        throw new ForbiddenOperationException("you can not manage a global API token");
      }
    } else {
      caller.require(Permission.WORKFLOW_UPDATE);
    }
    if (repository.revoke(token.getId(), clock.instant())) {
      audit.record(
          token.getOrganizationId(),
          token.getKind() == TokenKind.API_TOKEN ? "api_token.revoked" : "robot_account.revoked",
          caller.actor(),
          token.getKind().group().replace('-', '_'),
          token.getId(),
          "name=" + token.getName());
    }
  }

  /**
   * Checks a verified JWT against its row, on every request. Rejections of revoked or tampered
   * tokens are audited in their own transaction.
   */
  public ApiToken authenticate(JsonWebToken jwt, TokenKind kind) {
    Instant now = clock.instant();
    Optional<ApiToken> row = Ids.parse(jwt.getTokenID()).flatMap(repository::find);
    if (row.isEmpty() || row.get().getKind() != kind) {
      throw new AuthenticationException(
          kind == TokenKind.API_TOKEN ? "API token not found" : "robot account not found",
          "not_found");
    }
    ApiToken token = row.get();
    if (token.getRevokedAt() != null) {
      audit.recordSeparately(
          token.getOrganizationId(),
          "api_token.rejected",
          kind.group() + ":" + token.getId(),
          "api_token",
          token.getId(),
          "revoked token used");
      throw new AuthenticationException(
          kind == TokenKind.API_TOKEN ? "API token revoked" : "robot account revoked", "revoked");
    }
    if (!equalsNullable(token.getOrganizationId(), jwt.getClaim("org_id"))
        || !equalsNullable(token.getProjectId(), jwt.getClaim("project_id"))
        || !equalsNullable(token.getWorkflowId(), jwt.getClaim("workflow_id"))) {
      audit.recordSeparately(
          token.getOrganizationId(),
          "api_token.rejected",
          kind.group() + ":" + token.getId(),
          "api_token",
          token.getId(),
          "claims do not match the token");
      throw new AuthenticationException("API token claims do not match", "claims_mismatch");
    }
    if (token.getLastUsedAt() == null
        || token.getLastUsedAt().isBefore(now.minus(LAST_USED_WINDOW))) {
      repository.touch(token.getId(), now, now.minus(LAST_USED_WINDOW));
    }
    return token;
  }

  /** The token making the current call. */
  public ApiToken self() {
    return repository
        .find(caller.identity().credentialId())
        .orElseThrow(() -> new UnknownResourceException("API token not found"));
  }

  /** For audit of expired tokens: MicroProfile JWT rejects them before we see them. */
  public Optional<ApiToken> describe(String id) {
    return Ids.parse(id)
        .flatMap(repository::find)
        .filter(t -> t.getOrganizationId().equals(caller.organizationId()));
  }

  /** Revokes tokens of {@code organizationId} unused for its configured number of days. */
  public int revokeInactive(String organizationId, int maxDaysInactive, Instant now) {
    int revoked = 0;
    for (String id :
        repository.inactiveSince(organizationId, now.minus(Duration.ofDays(maxDaysInactive)))) {
      if (repository.revoke(id, now)) {
        revoked++;
        audit.record(
            organizationId,
            "api_token.auto_revoked",
            "system",
            "api_token",
            id,
            "unused for more than " + maxDaysInactive + " days");
      }
    }
    return revoked;
  }

  private String mint(ApiToken token, String orgName) {
    Map<String, String> claims = new HashMap<>();
    claims.put("org_id", token.getOrganizationId());
    claims.put("org_name", orgName);
    claims.put("token_name", token.getName());
    claims.put("project_id", token.getProjectId());
    claims.put("project_name", token.getProjectName());
    claims.put("workflow_id", token.getWorkflowId());
    return issuer.issue(
        token.getKind(), token.getId(), null, token.getCreatedAt(), token.getExpiresAt(), claims);
  }

  private Instant expiry(String expiresIn, Organization org, Instant now) {
    Duration cap = org.getApiTokenMaxLifetime();
    if (expiresIn == null || expiresIn.isBlank() || expiresIn.trim().equals("0")) {
      if (cap != null) {
        return now.plus(cap);
      }
      return null;
    }
    String text = expiresIn.trim();
    if (text.startsWith("-")) {
      throw new InvalidInputException("expiresIn", "must be a positive duration, e.g. 24h, 30d");
    }
    Duration d;
    try {
      d = Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("expiresIn", e.getMessage());
    }
    Duration min = Durations.parse(minExpiration);
    Duration max = Durations.parse(maxExpiration);
    if (d.compareTo(min) < 0) {
      throw new InvalidInputException("expiresIn", "must be at least " + Durations.format(min));
    }
    if (d.compareTo(max) > 0) {
      throw new InvalidInputException("expiresIn", "must be at most " + Durations.format(max));
    }
    if (cap != null && d.compareTo(cap) > 0) {
      throw new InvalidInputException(
          "expiresIn",
          "exceeds this organization's maximum API token lifetime of " + Durations.format(cap));
    }
    return now.plus(d);
  }

  private static Set<Permission> narrow(Set<Permission> defaults, List<String> requested) {
    if (requested == null || requested.isEmpty()) {
      return defaults;
    }
    EnumSet<Permission> result = EnumSet.noneOf(Permission.class);
    for (String wire : requested) {
      Permission p =
          Permission.parse(wire == null ? "" : wire.trim())
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "permissions", "unknown permission \"" + wire + "\""));
      if (!defaults.contains(p)) {
        throw new InvalidInputException(
            "permissions",
            "\""
                + wire
                + "\" cannot be granted to this token: permissions only narrow the default set");
      }
      result.add(p);
    }
    return result;
  }

  private static boolean equalsNullable(String a, Object claim) {
    String b =
        claim instanceof jakarta.json.JsonString js
            ? js.getString()
            : claim == null ? null : claim.toString();
    return a == null ? b == null : a.equals(b);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
