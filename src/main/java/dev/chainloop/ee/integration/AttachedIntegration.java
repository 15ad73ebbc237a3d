package dev.chainloop.ee.integration;

import dev.chainloop.ee.platform.persistence.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A registered integration attached to a workflow, with its attachment options (JSON, never
 * secret): every attestation the workflow stores afterwards gets one delivery through it.
 */
@Entity
@Table(name = "integration_attachments")
@NamedQuery(
    name = "AttachedIntegration.ofWorkflow",
    query =
        "SELECT a FROM AttachedIntegration a WHERE a.organizationId = :orgId"
            + " AND a.workflowId = :workflowId")
@NamedQuery(
    name = "AttachedIntegration.ofOrg",
    query =
        "SELECT a FROM AttachedIntegration a WHERE a.organizationId = :orgId ORDER BY a.createdAt")
@NamedQuery(
    name = "AttachedIntegration.ofIntegration",
    query = "SELECT a FROM AttachedIntegration a WHERE a.integrationId = :integrationId")
@NamedQuery(
    name = "AttachedIntegration.byId",
    query = "SELECT a FROM AttachedIntegration a WHERE a.organizationId = :orgId AND a.id = :id")
public class AttachedIntegration {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "organization_id", nullable = false, length = 36)
  private String organizationId;

  @Column(name = "integration_id", nullable = false, length = 36)
  private String integrationId;

  @Column(name = "workflow_id", nullable = false, length = 36)
  private String workflowId;

  @Column(name = "workflow_name", nullable = false, length = 63)
  private String workflowName;

  @Column(name = "project_name", nullable = false, length = 63)
  private String projectName;

  /** {@code <integration id>/<workflow id>}: an integration is attached to a workflow once. */
  @Column(name = "unique_key", nullable = false, unique = true, length = 80)
  private String uniqueKey;

  @Column(length = 8192)
  private String config;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected AttachedIntegration() {}

  AttachedIntegration(
      RegisteredIntegration integration,
      String workflowId,
      String workflowName,
      String projectName,
      String config,
      Instant now) {
    this.id = Ids.newId();
    this.organizationId = integration.getOrganizationId();
    this.integrationId = integration.getId();
    this.workflowId = workflowId;
    this.workflowName = workflowName;
    this.projectName = projectName;
    this.uniqueKey = integrationId + "/" + workflowId;
    this.config = config;
    this.createdAt = now;
  }

  public String getId() {
    return id;
  }

  public String getOrganizationId() {
    return organizationId;
  }

  public String getIntegrationId() {
    return integrationId;
  }

  public String getWorkflowId() {
    return workflowId;
  }

  public String getWorkflowName() {
    return workflowName;
  }

  public String getProjectName() {
    return projectName;
  }

  String getConfig() {
    return config;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
