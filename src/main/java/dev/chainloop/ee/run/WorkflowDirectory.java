package dev.chainloop.ee.run;

import dev.chainloop.ee.contract.ContractRevisionView;
import dev.chainloop.ee.workflow.Workflow;
import java.util.Optional;

/**
 * What runs and attestations need from workflows and contracts. A seam: today {@link
 * JpaWorkflowDirectory} reads the workflow table itself; once the workflow feature's services are
 * merged, an implementation delegating to {@code WorkflowService} and {@code ContractService}
 * replaces it.
 */
public interface WorkflowDirectory {
  /** The caller's workflow; with a null project, the unique one of that name in the org. */
  Workflow resolve(String name, String projectOrNull);

  /** The workflow, created (with its project) if missing and the caller may create it. */
  Workflow findOrCreate(String name, String project, String contractNameOrNull);

  /** Makes {@code runId} the workflow's latest run. */
  void recordRun(String workflowId, String runId);

  /** A workflow of the caller's organization by id. */
  Optional<Workflow> findById(String id);

  /** The contract revision to craft against; 0 = latest. */
  ContractRevisionView contractRevision(String contractId, int revision);
}
