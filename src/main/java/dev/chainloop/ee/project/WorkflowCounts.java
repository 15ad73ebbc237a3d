package dev.chainloop.ee.project;

import java.util.Map;

/**
 * How many live workflows each project of an organization has. Owned here and implemented by the
 * workflow feature, which depends on projects: projects never call into workflows.
 */
public interface WorkflowCounts {
  /** Live workflows per project id; projects without any are left out. */
  Map<String, Long> liveByProject(String organizationId);
}
