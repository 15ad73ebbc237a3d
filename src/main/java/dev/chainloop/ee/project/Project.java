package dev.chainloop.ee.project;

import dev.chainloop.ee.platform.persistence.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A group of workflows inside an organization; created implicitly on first use. */
@Entity
@Table(name = "projects")
@NamedQuery(
    name = "Project.byName",
    query = "SELECT p FROM Project p WHERE p.organizationId = :orgId AND p.name = :name")
@NamedQuery(
    name = "Project.ofOrg",
    query = "SELECT p FROM Project p WHERE p.organizationId = :orgId ORDER BY p.name")
@NamedQuery(
    name = "Project.countWorkflow",
    query =
        "UPDATE Project p SET p.liveWorkflows = COALESCE(p.liveWorkflows, 0) + :delta"
            + " WHERE p.id = :id")
@NamedQuery(
    name = "Project.liveWorkflowsOfOrg",
    query = "SELECT COALESCE(SUM(p.liveWorkflows), 0) FROM Project p WHERE p.organizationId = :org")
@NamedQuery(
    name = "Project.liveWorkflowsOf",
    query =
        "SELECT COALESCE(SUM(p.liveWorkflows), 0) FROM Project p WHERE p.organizationId = :org"
            + " AND p.id = :id")
public class Project {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "organization_id", nullable = false, length = 36)
  private String organizationId;

  @Column(nullable = false, length = 63)
  private String name;

  /** {@code <org id>/<name>}: unique, so two concurrent first uses create one project. */
  @Column(name = "unique_key", nullable = false, unique = true, length = 100)
  private String uniqueKey;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /**
   * Live workflows of the project, kept by the workflow feature in the transaction that creates or
   * deletes one: list pages print a total without counting an ever-growing table.
   */
  @Column(name = "live_workflows")
  private Long liveWorkflows = 0L;

  protected Project() {}

  Project(String organizationId, String name, Instant now) {
    this.id = Ids.newId();
    this.organizationId = organizationId;
    this.name = name;
    this.uniqueKey = organizationId + "/" + name;
    this.createdAt = now;
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

  public Instant getCreatedAt() {
    return createdAt;
  }

  public ProjectRef ref() {
    return new ProjectRef(id, name);
  }
}
