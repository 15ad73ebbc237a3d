package dev.chainloop.ee.run;

import dev.chainloop.ee.contract.ContractRevisionView;
import dev.chainloop.ee.contract.RunnerType;
import dev.chainloop.ee.contract.RunnerTypeConverter;
import dev.chainloop.ee.platform.persistence.Ids;
import dev.chainloop.ee.platform.security.CiIdentity;
import dev.chainloop.ee.platform.security.CiIdentityConverter;
import dev.chainloop.ee.workflow.Workflow;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

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
@NamedQuery(
    name = "WorkflowRun.finish",
    query =
        "UPDATE WorkflowRun r SET r.state = :state, r.attestationDigest = :digest,"
            + " r.reason = :reason, r.finishedAt = :now, r.craftingState = NULL,"
            + " r.craftingStateDigest = NULL, r.version = r.version + 1"
            + " WHERE r.id = :id AND r.state = :initialized")
@NamedQuery(
    name = "WorkflowRun.recordPolicies",
    query =
        "UPDATE WorkflowRun r SET r.policyStatus = :status, r.policyResults = :results,"
            + " r.version = r.version + 1 WHERE r.id = :id")
@NamedQuery(
    name = "WorkflowRun.saveFirstState",
    query =
        "UPDATE WorkflowRun r SET r.craftingState = :state, r.craftingStateDigest = :digest,"
            + " r.version = r.version + 1"
            + " WHERE r.id = :id AND r.state = :initialized AND r.craftingStateDigest IS NULL")
@NamedQuery(
    name = "WorkflowRun.replaceState",
    query =
        "UPDATE WorkflowRun r SET r.craftingState = :state, r.craftingStateDigest = :digest,"
            + " r.version = r.version + 1"
            + " WHERE r.id = :id AND r.state = :initialized AND r.craftingStateDigest = :base")
@NamedQuery(
    name = "WorkflowRun.expire",
    query =
        "UPDATE WorkflowRun r SET r.state = :expired, r.finishedAt = :now,"
            + " r.reason = :reason, r.craftingState = NULL, r.craftingStateDigest = NULL,"
            + " r.version = r.version + 1"
            + " WHERE r.state = :initialized AND r.createdAt < :cutoff")
@NamedQuery(
    name = "WorkflowRun.byDigest",
    query =
        "SELECT r FROM WorkflowRun r WHERE r.organizationId = :org AND r.attestationDigest = :d")
@NamedQuery(
    name = "WorkflowRun.briefs",
    query =
        "SELECT r.id, r.state, r.runnerType, r.createdAt, r.projectId FROM WorkflowRun r"
            + " WHERE r.organizationId = :org AND r.id IN :ids")
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

  @Convert(converter = RunStateConverter.class)
  @Column(nullable = false, length = 16)
  private RunState state;

  @Column(length = 1000)
  private String reason;

  @Convert(converter = RunnerTypeConverter.class)
  @Column(name = "runner_type", length = 40)
  private RunnerType runnerType;

  @Column(name = "run_url", length = 1000)
  private String runUrl;

  /** The CI job whose federated credential started the run; null for other credentials. */
  @Convert(converter = CiIdentityConverter.class)
  @Column(name = "ci_identity", length = CiIdentityConverter.COLUMN_LENGTH)
  private CiIdentity ciIdentity;

  @Column(name = "contract_id", length = 36)
  private String contractId;

  @Column(name = "contract_revision_used")
  private int contractRevisionUsed;

  @Column(name = "contract_revision_latest")
  private int contractRevisionLatest;

  /** The project version attested (upstream's {@code version_id}); null for a run without one. */
  @Column(name = "version_id", length = 36)
  private String versionId;

  /** Whether pushing this run releases its version ({@code attestation init --release}). */
  @Column(name = "release_version")
  private Boolean releaseVersion;

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

  /** What the contract's policies said at push; null when the contract attaches none. */
  @Enumerated(EnumType.STRING)
  @Column(name = "policy_status", length = 16)
  private PolicyStatus policyStatus;

  /** The evaluation results as JSON (policy, revision, inputs, violations, skips, bypass). */
  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(name = "policy_results", length = 4 * 1024 * 1024)
  private String policyResults;

  @Version private long version;

  protected WorkflowRun() {}

  private WorkflowRun(
      Workflow workflow,
      RunnerType runnerType,
      String runUrl,
      ContractRevisionView contract,
      RunVersion version,
      Instant now) {
    this.id = Ids.newId();
    this.organizationId = workflow.getOrganizationId();
    this.workflowId = workflow.getId();
    this.projectId = workflow.getProjectId();
    this.state = RunState.INITIALIZED;
    this.runnerType = runnerType;
    this.runUrl = runUrl;
    this.contractId = contract.contractId();
    this.contractRevisionUsed = contract.revision();
    this.contractRevisionLatest = contract.latestRevision();
    this.versionId = version.versionId();
    this.releaseVersion = version.versionId() != null && version.release() ? Boolean.TRUE : null;
    this.createdAt = now;
  }

  /** The project version a run is attested against, and whether its push releases it. */
  public record RunVersion(String versionId, boolean release) {}

  /**
   * A run of {@code workflow} starting {@code now} against {@code contract} and {@code version};
   * runner type and URL may be null.
   */
  static WorkflowRun start(
      Workflow workflow,
      RunnerType runnerType,
      String runUrl,
      ContractRevisionView contract,
      RunVersion version,
      Instant now) {
    return new WorkflowRun(workflow, runnerType, runUrl, contract, version, now);
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
    return state;
  }

  public String getReason() {
    return reason;
  }

  public RunnerType getRunnerType() {
    return runnerType;
  }

  public String getRunUrl() {
    return runUrl;
  }

  public Optional<CiIdentity> ciIdentity() {
    return Optional.ofNullable(ciIdentity);
  }

  /** Records the CI job behind the credential that started the run. */
  void recordCiIdentity(CiIdentity identity) {
    this.ciIdentity = identity;
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

  public String getVersionId() {
    return versionId;
  }

  /** Whether pushing this run releases its version. */
  public boolean releasesVersion() {
    return Boolean.TRUE.equals(releaseVersion);
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

  public PolicyStatus getPolicyStatus() {
    return policyStatus;
  }

  public String getPolicyResults() {
    return policyResults;
  }

  public boolean isFinished() {
    return getState() != RunState.INITIALIZED;
  }
}
