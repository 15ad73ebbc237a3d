package dev.chainloop.ee.workflow;

import dev.chainloop.ee.platform.persistence.Ids;
import dev.chainloop.ee.project.Project;
import dev.chainloop.ee.project.ProjectRef;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A CI workflow that produces attestations. Soft-deleted; {@code liveKey} = {@code
 * <org>/<project>/<name>} while live (null once deleted) keeps names unique per project.
 */
@Entity
@Table(
    name = "workflows",
    indexes = {
      // The newest-first listing and its count read this index, not the whole table (Derby does
      // not scan an index backwards, hence the descending columns).
      @Index(
          name = "ix_workflows_org_newest",
          columnList = "organization_id, deleted_at, created_at DESC, id DESC"),
      // Name resolution (attestation init, workflow describe) without scanning the org's rows.
      @Index(name = "ix_workflows_org_name", columnList = "organization_id, name")
    })
@NamedQuery(
    name = "Workflow.liveByName",
    query =
        "SELECT w FROM Workflow w WHERE w.organizationId = :orgId AND w.name = :name"
            + " AND w.deletedAt IS NULL")
@NamedQuery(
    name = "Workflow.liveKeyTaken",
    query = "SELECT COUNT(w) FROM Workflow w WHERE w.liveKey = :key")
@NamedQuery(
    name = "Workflow.liveUsingContracts",
    query =
        "SELECT w FROM Workflow w WHERE w.organizationId = :orgId AND w.contractId IN :contractIds"
            + " AND w.deletedAt IS NULL ORDER BY w.projectName, w.name")
@NamedQuery(
    name = "Workflow.countLiveByProject",
    query =
        "SELECT w.projectId, COUNT(w) FROM Workflow w WHERE w.organizationId = :orgId"
            + " AND w.deletedAt IS NULL GROUP BY w.projectId")
// The listing's pages, newest first. deletedAt (NULL on every row selected) leads the ORDER BY so
// that it matches the index's column order: PostgreSQL does not treat IS NULL as an equality when
// it orders by an index, and otherwise sorted every live row of the organization (first page at
// 100k rows: 93 ms sequential scan + sort, 0.04 ms index scan with it). The contracts' names are
// read apart: joined here, Derby sorted every live row of the organization.
@NamedQuery(
    name = "Workflow.pageOfOrganization",
    query =
        "SELECT w FROM Workflow w WHERE w.organizationId = :orgId AND w.deletedAt IS NULL"
            + " ORDER BY w.deletedAt, w.createdAt DESC, w.id DESC")
@NamedQuery(
    name = "Workflow.pageOfProject",
    query =
        "SELECT w FROM Workflow w WHERE w.organizationId = :orgId AND w.projectId = :projectId"
            + " AND w.deletedAt IS NULL ORDER BY w.deletedAt, w.createdAt DESC, w.id DESC")
@NamedQuery(
    name = "Workflow.recordRun",
    query =
        "UPDATE Workflow w SET w.runsCount = w.runsCount + 1, w.latestRunId = :runId,"
            + " w.updatedAt = :now WHERE w.id = :id AND w.organizationId = :orgId")
public class Workflow {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "organization_id", nullable = false, length = 36)
  private String organizationId;

  @Column(name = "project_id", nullable = false, length = 36)
  private String projectId;

  @Column(name = "project_name", nullable = false, length = 63)
  private String projectName;

  @Column(nullable = false, length = 63)
  private String name;

  @Column(length = 1000)
  private String description;

  @Column(length = 63)
  private String team;

  @Column(name = "contract_id", length = 36)
  private String contractId;

  @Column(name = "latest_run_id", length = 36)
  private String latestRunId;

  @Column(name = "runs_count", nullable = false)
  private long runsCount;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  @Column(name = "live_key", unique = true, length = 140)
  private String liveKey;

  protected Workflow() {}

  /** A new live workflow of {@code project}; description and team start empty. */
  Workflow(Project project, String name, String contractId, Instant now) {
    this.id = Ids.newId();
    this.organizationId = project.getOrganizationId();
    this.projectId = project.getId();
    this.projectName = project.getName();
    this.name = name;
    this.contractId = contractId;
    this.createdAt = now;
    this.updatedAt = now;
    this.liveKey = liveKey(organizationId, projectId, name);
  }

  public String getId() {
    return id;
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

  public String getName() {
    return name;
  }

  public String getDescription() {
    return description;
  }

  public String getTeam() {
    return team;
  }

  public String getContractId() {
    return contractId;
  }

  public String getLatestRunId() {
    return latestRunId;
  }

  public long getRunsCount() {
    return runsCount;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public Instant getDeletedAt() {
    return deletedAt;
  }

  public ProjectRef project() {
    return new ProjectRef(projectId, projectName);
  }

  static String liveKey(String organizationId, String projectId, String name) {
    return organizationId + "/" + projectId + "/" + name;
  }

  void setDescription(String description) {
    this.description = description;
  }

  void setTeam(String team) {
    this.team = team;
  }

  void setContractId(String contractId) {
    this.contractId = contractId;
  }

  void touch(Instant now) {
    this.updatedAt = now;
  }

  void delete(Instant now) {
    this.deletedAt = now;
    this.liveKey = null;
  }
}
