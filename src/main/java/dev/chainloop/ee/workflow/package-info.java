/**
 * Workflows: their CRUD, finding them by name for attestations and creating them on a first init
 * (race-safe), the run counter, and the legacy robot accounts managed through a workflow.
 *
 * <p>Owns the {@code workflows} table. May call platform and the services of project, contract,
 * apitoken (robot accounts) and audit. Implements {@link dev.chainloop.ee.contract.ContractUsage}
 * and {@link dev.chainloop.ee.project.WorkflowCounts} for those lower features, and reads last runs
 * through {@link RunSummaries}, implemented by the run feature.
 */
package dev.chainloop.ee.workflow;
