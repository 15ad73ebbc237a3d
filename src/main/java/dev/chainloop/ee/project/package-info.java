/**
 * Projects: groups of workflows inside an organization, created on first use, and the counters of
 * their live workflows.
 *
 * <p>Owns the {@code projects} table. May call platform only. Counts workflows per project through
 * {@link WorkflowCounts}, implemented by the workflow feature, so that projects never call into
 * workflows.
 */
package dev.chainloop.ee.project;
