package dev.chainloop.ee.federation;

import dev.chainloop.ee.apitoken.TokenScope;
import dev.chainloop.ee.platform.persistence.Ids;
import dev.chainloop.ee.platform.security.Permission;
import dev.chainloop.ee.project.ProjectRef;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An organization's trust rule: ID tokens meeting its {@link TrustTerms} are exchanged for a
 * short-lived credential of its scope (the organization, one project or one workflow) with its
 * permissions. Deleting the rule revokes what it issued.
 */
@Entity
@Table(
    name = "trusted_identities",
    indexes = {
      @Index(name = "ix_trusted_identities_org", columnList = "organization_id, created_at, id"),
      @Index(name = "ix_trusted_identities_issuer", columnList = "issuer")
    })
@NamedQuery(
    name = "TrustedIdentity.ofOrganization",
    query =
        "SELECT r FROM TrustedIdentity r WHERE r.organizationId = :orgId"
            + " ORDER BY r.createdAt, r.id")
@NamedQuery(
    name = "TrustedIdentity.countOfOrganization",
    query = "SELECT COUNT(r) FROM TrustedIdentity r WHERE r.organizationId = :orgId")
@NamedQuery(
    name = "TrustedIdentity.ofIssuer",
    query = "SELECT r FROM TrustedIdentity r WHERE r.issuer = :issuer ORDER BY r.createdAt, r.id")
public class TrustedIdentity {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "organization_id", nullable = false, length = 36)
  private String organizationId;

  @Column(nullable = false, length = 1000)
  private String issuer;

  @Column(nullable = false, length = 256)
  private String audience;

  /** The conditions as {@code claim=value}, one a line. */
  @Column(nullable = false, length = 8000)
  private String conditions;

  @Enumerated(EnumType.STRING)
  @Column(name = "scope_level", nullable = false, length = 16)
  private TokenScope.Level level;

  @Column(name = "project_id", length = 36)
  private String projectId;

  @Column(name = "project_name", length = 63)
  private String projectName;

  @Column(name = "workflow_id", length = 36)
  private String workflowId;

  @Column(name = "workflow_name", length = 63)
  private String workflowName;

  @Column(nullable = false, length = 2000)
  private String permissions;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", length = 320)
  private String createdBy;

  protected TrustedIdentity() {}

  TrustedIdentity(
      TrustTerms terms,
      TokenScope scope,
      String workflowName,
      Set<Permission> permissions,
      Instant now,
      String createdBy) {
    this.id = Ids.newId();
    this.organizationId = scope.organizationId();
    this.issuer = terms.issuer();
    this.audience = terms.audience();
    this.conditions =
        terms.conditions().stream().map(ClaimCondition::wire).collect(Collectors.joining("\n"));
    this.level = scope.level();
    this.projectId = scope.project().map(ProjectRef::id).orElse(null);
    this.projectName = scope.project().map(ProjectRef::name).orElse(null);
    this.workflowId = scope.workflowId().orElse(null);
    this.workflowName = workflowName;
    this.permissions = Permission.toColumn(permissions);
    this.createdAt = now;
    this.createdBy = createdBy;
  }

  public String getId() {
    return id;
  }

  public String getOrganizationId() {
    return organizationId;
  }

  public TrustTerms terms() {
    List<ClaimCondition> parsed =
        conditions.lines().filter(l -> !l.isBlank()).map(ClaimCondition::parse).toList();
    return new TrustTerms(issuer, audience, parsed);
  }

  public TokenScope scope() {
    return switch (level) {
      case GLOBAL -> TokenScope.organization(organizationId);
      case PROJECT -> TokenScope.project(organizationId, new ProjectRef(projectId, projectName));
      case WORKFLOW ->
          TokenScope.workflow(organizationId, new ProjectRef(projectId, projectName), workflowId);
    };
  }

  /** The workflow's name, for a workflow scope. */
  public String getWorkflowName() {
    return workflowName;
  }

  public Set<Permission> getPermissions() {
    return Permission.fromColumn(permissions);
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }
}
