package dev.chainloop.ee.attestation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * {@code chainloop_attestations_pushed_total}: counted after the commit, so a rolled-back store
 * (bad signature, conflict) is never counted.
 */
@ApplicationScoped
public class AttestationMetrics {
  @Inject MetricRegistry registry;

  void pushed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AttestationStored event) {
    registry.counter("chainloop_attestations_pushed").inc();
  }
}
