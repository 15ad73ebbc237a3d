package dev.chainloop.ee.apitoken;

import dev.chainloop.ee.platform.persistence.Ids;
import dev.chainloop.ee.platform.security.CiIdentity;
import dev.chainloop.ee.platform.security.CiIdentityConverter;
import dev.chainloop.ee.platform.security.Permission;
import dev.chainloop.ee.platform.security.TokenKind;
import dev.chainloop.ee.project.ProjectRef;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A service-account credential: an organization's API token, or a workflow's robot account (the
 * same mechanism with a workflow scope). The JWT is never stored; its {@code jti} is this row's id.
 * {@code uniqueKey} holds {@code org/project/kind/name} while the token is active and is cleared on
 * revocation, so names are unique among active tokens and reusable afterwards.
 */
@Entity
@Table(
    name = "api_tokens",
    indexes = {
      // Listings (an organization's tokens or robot accounts, oldest first) read the first rows
      // of this index instead of sorting the org's rows: kind is in it, as every listing filters
      // on it (without it, a page at 100k rows scanned the organization's rows to skip the kind).
      @Index(
          name = "ix_api_tokens_org_kind_created",
          columnList = "organization_id, kind, created_at, id"),
      @Index(columnList = "workflow_id"),
      @Index(columnList = "trusted_identity_id")
    })
@NamedQuery(
    name = "ApiToken.inactiveSince",
    query =
        "SELECT t.id FROM ApiToken t WHERE t.organizationId = :orgId AND t.revokedAt IS NULL"
            + " AND ((t.lastUsedAt IS NULL AND t.createdAt < :threshold) OR t.lastUsedAt < :threshold)")
@NamedQuery(
    name = "ApiToken.revoke",
    query =
        "UPDATE ApiToken t SET t.revokedAt = :now, t.uniqueKey = NULL WHERE t.id = :id AND t.revokedAt IS NULL")
// Deleting a trust rule revokes what was exchanged under it, in the deleting transaction.
@NamedQuery(
    name = "ApiToken.revokeExchanged",
    query =
        "UPDATE ApiToken t SET t.revokedAt = :now, t.uniqueKey = NULL"
            + " WHERE t.trustedIdentityId = :ruleId AND t.revokedAt IS NULL")
@NamedQuery(
    name = "ApiToken.touch",
    query =
        "UPDATE ApiToken t SET t.lastUsedAt = :now WHERE t.id = :id AND t.revokedAt IS NULL"
            + " AND (t.lastUsedAt IS NULL OR t.lastUsedAt < :threshold)")
// The per-request credential check: the token and its organization in one statement.
@NamedQuery(
    name = "ApiToken.withOrganization",
    query =
        "SELECT t, o.name, o.deletedAt FROM ApiToken t, Organization o"
            + " WHERE t.id = :id AND o.id = t.organizationId")
@NamedQuery(
    name = "ApiToken.byUniqueKey",
    query = "SELECT t FROM ApiToken t WHERE t.uniqueKey = :key")
public class ApiToken {
  @Id
  @Column(length = 36)
  private String id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private TokenKind kind;

  @Column(nullable = false, length = 63)
  private String name;

  @Column(length = 1000)
  private String description;

  @Column(name = "organization_id", nullable = false, length = 36)
  private String organizationId;

  @Column(name = "project_id", length = 36)
  private String projectId;

  @Column(name = "project_name", length = 63)
  private String projectName;

  @Column(name = "workflow_id", length = 36)
  private String workflowId;

  @Column(nullable = false, length = 2000)
  private String permissions;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Column(name = "unique_key", unique = true, length = 250)
  private String uniqueKey;

  /** The trust rule a federated credential was exchanged under; null for every other token. */
  @Column(name = "trusted_identity_id", length = 36)
  private String trustedIdentityId;

  /** The CI job a federated credential was exchanged for. */
  @Convert(converter = CiIdentityConverter.class)
  @Column(name = "ci_identity", length = CiIdentityConverter.COLUMN_LENGTH)
  private CiIdentity ciIdentity;

  protected ApiToken() {}

  private ApiToken(
      TokenKind kind,
      String name,
      String description,
      TokenScope scope,
      Set<Permission> permissions,
      Instant createdAt,
      Instant expiresAt) {
    this.id = Ids.newId();
    this.kind = kind;
    this.name = name;
    this.description = description;
    this.organizationId = scope.organizationId();
    this.projectId = scope.project().map(ProjectRef::id).orElse(null);
    this.projectName = scope.project().map(ProjectRef::name).orElse(null);
    this.workflowId = scope.workflowId().orElse(null);
    this.permissions = Permission.toColumn(permissions);
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
    this.uniqueKey = uniqueKey(kind, scope, name);
  }

  /**
   * An organization's API token, global or confined to a project; {@code expiresAt} may be null.
   */
  static ApiToken apiToken(
      String name,
      String description,
      TokenScope scope,
      Set<Permission> permissions,
      Instant now,
      Instant expiresAt) {
    if (scope.level() == TokenScope.Level.WORKFLOW) {
      throw new IllegalArgumentException("an API token is never confined to a workflow");
    }
    return new ApiToken(TokenKind.API_TOKEN, name, description, scope, permissions, now, expiresAt);
  }

  /** A workflow's robot account: it never expires and may only attest that workflow. */
  static ApiToken robotAccount(String name, TokenScope scope, Instant now) {
    if (scope.level() != TokenScope.Level.WORKFLOW) {
      throw new IllegalArgumentException("a robot account belongs to a workflow");
    }
    return new ApiToken(
        TokenKind.ROBOT_ACCOUNT, name, null, scope, TokenPolicies.ROBOT_ACCOUNT, now, null);
  }

  /**
   * A short-lived credential exchanged for a CI job's ID token under trust rule {@code ruleId}: an
   * API token for an organization or project scope, a robot account for a workflow scope.
   */
  static ApiToken exchanged(
      String name,
      TokenScope scope,
      Set<Permission> permissions,
      Instant now,
      Instant expiresAt,
      String ruleId,
      CiIdentity ci) {
    TokenKind kind =
        scope.level() == TokenScope.Level.WORKFLOW ? TokenKind.ROBOT_ACCOUNT : TokenKind.API_TOKEN;
    ApiToken token =
        new ApiToken(
            kind,
            name,
            "exchanged for an ID token of " + ci.issuer(),
            scope,
            permissions,
            now,
            expiresAt);
    token.trustedIdentityId = ruleId;
    token.ciIdentity = ci;
    return token;
  }

  /** {@code org/scope/kind/name}: unique among active tokens. */
  static String uniqueKey(TokenKind kind, TokenScope scope, String name) {
    return scope.organizationId() + "/" + scope.key() + "/" + kind.group() + "/" + name;
  }

  public String getId() {
    return id;
  }

  public TokenKind getKind() {
    return kind;
  }

  public String getName() {
    return name;
  }

  public String getDescription() {
    return description;
  }

  public String getOrganizationId() {
    return organizationId;
  }

  public String getProjectId() {
    return projectId;
  }

  public String getProjectName() {
    return projectName;
  }

  public String getWorkflowId() {
    return workflowId;
  }

  public Set<Permission> getPermissions() {
    return Permission.fromColumn(permissions);
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }

  public Instant getLastUsedAt() {
    return lastUsedAt;
  }

  public String getTrustedIdentityId() {
    return trustedIdentityId;
  }

  public Optional<CiIdentity> ciIdentity() {
    return Optional.ofNullable(ciIdentity);
  }

  public TokenStatus status(Instant now) {
    if (revokedAt != null) {
      return TokenStatus.REVOKED;
    }
    return expiresAt != null && !now.isBefore(expiresAt) ? TokenStatus.EXPIRED : TokenStatus.ACTIVE;
  }

  public TokenScope scope() {
    if (workflowId != null) {
      return TokenScope.workflow(
          organizationId, new ProjectRef(projectId, projectName), workflowId);
    }
    return projectId == null
        ? TokenScope.organization(organizationId)
        : TokenScope.project(organizationId, new ProjectRef(projectId, projectName));
  }
}
