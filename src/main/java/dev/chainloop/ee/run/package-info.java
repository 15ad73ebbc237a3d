/**
 * Workflow runs: starting one, ending it exactly once (success, failure, cancellation, expiry),
 * listing and describing runs, and the sweeper that expires abandoned ones.
 *
 * <p>Owns the {@code workflow_runs} table. May call platform and the services of workflow, contract
 * (the revision a run is checked against) and project (the version a run is attested against).
 * Reads a run's attestation through {@link RunAttestations}, implemented by the attestation
 * feature, so that runs never call into attestations; gives workflow listings their last run
 * through {@link dev.chainloop.ee.workflow.RunSummaries}.
 */
package dev.chainloop.ee.run;
