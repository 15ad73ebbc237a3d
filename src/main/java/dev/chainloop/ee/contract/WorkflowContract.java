package dev.chainloop.ee.contract;

import dev.chainloop.ee.platform.persistence.RevisedDocument;
import dev.chainloop.ee.project.Project;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
public class WorkflowContract extends RevisedDocument {
  /** Optional project scope: only workflows of that project may use the contract. */
  @Column(name = "project_id", length = 36)
  private String projectId;

  @Column(name = "project_name", length = 63)
  private String projectName;

  protected WorkflowContract() {}

  private WorkflowContract(String organizationId, String name, Project projectOrNull, Instant now) {
    super(organizationId, name, organizationId + "/" + name, now);
    this.projectId = projectOrNull == null ? null : projectOrNull.getId();
    this.projectName = projectOrNull == null ? null : projectOrNull.getName();
  }

  /** A contract any workflow of the organization may use. */
  static WorkflowContract organizationWide(String organizationId, String name, Instant now) {
    return new WorkflowContract(organizationId, name, null, now);
  }

  /** A contract only workflows of {@code project} may use. */
  static WorkflowContract scopedTo(Project project, String name, Instant now) {
    return new WorkflowContract(project.getOrganizationId(), name, project, now);
  }

  public String getProjectId() {
    return projectId;
  }

  public String getProjectName() {
    return projectName;
  }
}
