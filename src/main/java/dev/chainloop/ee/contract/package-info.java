/**
 * Workflow contracts: parsing and validating their bodies (schema v2 and legacy v1, YAML or JSON),
 * their revisions, and the view of a revision that attestations need. Also the runner types a
 * contract may require.
 *
 * <p>Owns the {@code workflow_contracts} and {@code workflow_contract_versions} tables. May call
 * platform and the services of project, audit and policy (the policies a contract attaches must
 * exist). Learns which workflows use a contract through {@link ContractUsage}, implemented by the
 * workflow feature, so that contracts never call into workflows.
 */
package dev.chainloop.ee.contract;
