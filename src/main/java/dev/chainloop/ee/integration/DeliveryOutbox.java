package dev.chainloop.ee.integration;

import dev.chainloop.ee.attestation.AttestationStored;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Turns each stored attestation into deliveries, synchronously, inside the storing transaction: a
 * push that rolls back leaves no delivery, an acknowledged one has all of its deliveries.
 */
@ApplicationScoped
public class DeliveryOutbox {
  @Inject DeliveryService deliveries;

  private final Clock clock = Clock.systemUTC();

  void onStored(@Observes AttestationStored event) {
    deliveries.enqueue(event, clock.instant());
  }
}
