/**
 * Projects: groups of workflows inside an organization, created on first use, the counters of their
 * live workflows, and their versions (prerelease until a push releases them, one of them latest).
 *
 * <p>Owns the {@code projects} and {@code project_versions} tables. May call platform only. Counts
 * workflows per project through {@link WorkflowCounts}, implemented by the workflow feature, so
 * that projects never call into workflows.
 */
package dev.chainloop.ee.project;
