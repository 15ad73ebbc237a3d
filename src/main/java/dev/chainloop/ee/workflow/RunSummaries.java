package dev.chainloop.ee.workflow;

import java.util.Collection;
import java.util.Map;

/**
 * Reads run summaries for workflow listings. Implemented by the run feature, which owns the run
 * table; when no implementation is deployed, workflows simply show no last run.
 */
public interface RunSummaries {
  /** Summaries of the given runs, keyed by run id; unknown ids are left out. */
  Map<String, RunSummary> summaries(Collection<String> runIds);
}
