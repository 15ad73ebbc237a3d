package dev.chainloop.ee.run;

import dev.chainloop.ee.workflow.RunSummaries;
import dev.chainloop.ee.workflow.RunSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Map;

/** Gives workflow listings their RUNNER and LAST RUN STATUS from the run table. */
@ApplicationScoped
public class RunSummariesFromRuns implements RunSummaries {
  @Inject WorkflowRunService runs;

  @Override
  public Map<String, RunSummary> summaries(Collection<String> runIds) {
    return runs.briefs(runIds);
  }
}
