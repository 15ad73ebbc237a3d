package dev.chainloop.ee.run;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One execution of a workflow; its id is the attestation ID the CLI shows. Starts {@code
 * initialized} and ends once in success, error, canceled or expired.
 */
@Entity
@Table(
    name = "workflow_runs",
    indexes = {
      // Newest first, read in index order (Derby does not scan an index backwards).
      @Index(name = "ix_runs_org_newest", columnList = "organization_id, created_at DESC, id DESC"),
      @Index(name = "ix_runs_state_created", columnList = "state,created_at"),
      @Index(name = "ix_runs_digest", columnList = "organization_id,attestation_digest")
    })
public class WorkflowRun {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "organization_id", nullable = false, length = 36)
  private String organizationId;

  @Column(name = "workflow_id", nullable = false, length = 36)
  private String workflowId;

  @Column(name = "project_id", nullable = false, length = 36)
  private String projectId;

  @Column(nullable = false, length = 16)
  private String state;

  @Column(length = 1000)
  private String reason;

  @Column(name = "runner_type", length = 40)
  private String runnerType;

  @Column(name = "run_url", length = 1000)
  private String runUrl;

  @Column(name = "contract_id", length = 36)
  private String contractId;

  @Column(name = "contract_revision_used")
  private int contractRevisionUsed;

  @Column(name = "contract_revision_latest")
  private int contractRevisionLatest;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(name = "attestation_digest", length = 71)
  private String attestationDigest;

  /** Remote crafting state (--remote-state), opaque to the server. */
  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(name = "crafting_state", length = 8 * 1024 * 1024)
  private byte[] craftingState;

  @Column(name = "crafting_state_digest", length = 71)
  private String craftingStateDigest;

  @Version private long version;

  protected WorkflowRun() {}

  public WorkflowRun(
      String id,
      String organizationId,
      String workflowId,
      String projectId,
      String runnerType,
      String runUrl,
      String contractId,
      int contractRevisionUsed,
      int contractRevisionLatest,
      Instant now) {
    this.id = id;
    this.organizationId = organizationId;
    this.workflowId = workflowId;
    this.projectId = projectId;
    this.state = RunState.INITIALIZED.db();
    this.runnerType = runnerType;
    this.runUrl = runUrl;
    this.contractId = contractId;
    this.contractRevisionUsed = contractRevisionUsed;
    this.contractRevisionLatest = contractRevisionLatest;
    this.createdAt = now;
  }

  public String getId() {
    return id;
  }

  public String getOrganizationId() {
    return organizationId;
  }

  public String getWorkflowId() {
    return workflowId;
  }

  public String getProjectId() {
    return projectId;
  }

  public RunState getState() {
    return RunState.ofDb(state);
  }

  public String getReason() {
    return reason;
  }

  public String getRunnerType() {
    return runnerType;
  }

  public String getRunUrl() {
    return runUrl;
  }

  public String getContractId() {
    return contractId;
  }

  public int getContractRevisionUsed() {
    return contractRevisionUsed;
  }

  public int getContractRevisionLatest() {
    return contractRevisionLatest;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  public String getAttestationDigest() {
    return attestationDigest;
  }

  public byte[] getCraftingState() {
    return craftingState;
  }

  public String getCraftingStateDigest() {
    return craftingStateDigest;
  }

  public boolean isFinished() {
    return getState() != RunState.INITIALIZED;
  }
}
