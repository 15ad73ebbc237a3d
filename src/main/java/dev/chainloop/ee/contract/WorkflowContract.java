package dev.chainloop.ee.contract;

import dev.chainloop.ee.platform.persistence.Ids;
import dev.chainloop.ee.project.Project;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A named workflow contract of an organization; its bodies live in {@link ContractVersion}s. Soft
 * deleted: {@code liveKey} = {@code <org>/<name>} while live keeps names unique among live ones.
 */
@Entity
@Table(name = "workflow_contracts")
@NamedQuery(
    name = "WorkflowContract.liveByName",
    query =
        "SELECT c FROM WorkflowContract c WHERE c.organizationId = :orgId AND c.name = :name"
            + " AND c.deletedAt IS NULL")
@NamedQuery(
    name = "WorkflowContract.liveOfOrg",
    query =
        "SELECT c FROM WorkflowContract c WHERE c.organizationId = :orgId AND c.deletedAt IS NULL"
            + " ORDER BY c.name")
@NamedQuery(
    name = "WorkflowContract.byIds",
    query = "SELECT c FROM WorkflowContract c WHERE c.id IN :ids")
public class WorkflowContract {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "organization_id", nullable = false, length = 36)
  private String organizationId;

  @Column(nullable = false, length = 63)
  private String name;

  @Column(length = 1000)
  private String description;

  /** Optional project scope: only workflows of that project may use the contract. */
  @Column(name = "project_id", length = 36)
  private String projectId;

  @Column(name = "project_name", length = 63)
  private String projectName;

  @Column(name = "latest_revision", nullable = false)
  private int latestRevision;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  @Column(name = "live_key", unique = true, length = 110)
  private String liveKey;

  protected WorkflowContract() {}

  private WorkflowContract(String organizationId, String name, Project projectOrNull, Instant now) {
    this.id = Ids.newId();
    this.organizationId = organizationId;
    this.name = name;
    this.projectId = projectOrNull == null ? null : projectOrNull.getId();
    this.projectName = projectOrNull == null ? null : projectOrNull.getName();
    this.createdAt = now;
    this.updatedAt = now;
    this.liveKey = organizationId + "/" + name;
  }

  /** A contract any workflow of the organization may use. */
  static WorkflowContract organizationWide(String organizationId, String name, Instant now) {
    return new WorkflowContract(organizationId, name, null, now);
  }

  /** A contract only workflows of {@code project} may use. */
  static WorkflowContract scopedTo(Project project, String name, Instant now) {
    return new WorkflowContract(project.getOrganizationId(), name, project, now);
  }

  public String getId() {
    return id;
  }

  public String getOrganizationId() {
    return organizationId;
  }

  public String getName() {
    return name;
  }

  public String getDescription() {
    return description;
  }

  public String getProjectId() {
    return projectId;
  }

  public String getProjectName() {
    return projectName;
  }

  public int getLatestRevision() {
    return latestRevision;
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

  void setDescription(String description, Instant now) {
    this.description = description;
    this.updatedAt = now;
  }

  /** The next revision number, now the latest. */
  int nextRevision(Instant now) {
    latestRevision++;
    updatedAt = now;
    return latestRevision;
  }

  void delete(Instant now) {
    this.deletedAt = now;
    this.liveKey = null;
  }
}
