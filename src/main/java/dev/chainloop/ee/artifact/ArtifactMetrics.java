package dev.chainloop.ee.artifact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** {@code chainloop_artifact_bytes_total}: bytes of verified uploads, counted after the commit. */
@ApplicationScoped
public class ArtifactMetrics {
  @Inject MetricRegistry registry;

  void stored(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArtifactStored event) {
    registry.counter("chainloop_artifact_bytes").inc(event.size());
  }
}
