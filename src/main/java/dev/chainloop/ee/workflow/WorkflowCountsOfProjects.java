package dev.chainloop.ee.workflow;

import dev.chainloop.ee.project.WorkflowCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** Gives the project listing its number of workflows per project, counted from the table. */
@ApplicationScoped
public class WorkflowCountsOfProjects implements WorkflowCounts {
  @Inject WorkflowRepository repository;

  @Override
  public Map<String, Long> liveByProject(String organizationId) {
    return repository.countByProject(organizationId);
  }
}
