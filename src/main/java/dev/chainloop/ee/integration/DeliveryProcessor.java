package dev.chainloop.ee.integration;

import dev.chainloop.ee.platform.PeriodicJob;
import dev.chainloop.ee.platform.config.Durations;
import dev.chainloop.ee.platform.persistence.Ids;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Works through the delivery outbox on every node, every {@code
 * chainloop.integrations.poll-seconds} (default 2): claims a due delivery (a lease of {@code
 * chainloop.integrations.lease}, default 2m, longer than a send may take), sends it, records the
 * outcome; a failure is retried after {@code chainloop.integrations.backoff} (default 5s) doubled
 * per attempt up to {@code chainloop.integrations.backoff-max} (default 10m), and given up after
 * {@code chainloop.integrations.max-attempts} (default 10). Rows live in the database, so
 * deliveries survive restarts; a node that dies mid-send loses its lease and another sends again
 * with the same delivery id.
 */
@Singleton
@Startup
public class DeliveryProcessor extends PeriodicJob {
  private static final Logger LOG = Logger.getLogger(DeliveryProcessor.class.getName());

  /** Deliveries one tick sends at most, so that a tick ends. */
  private static final int PER_TICK = 50;

  /** This node's lease owner id, new at every start. */
  private final String node = Ids.newId();

  private final Clock clock = Clock.systemUTC();

  @Inject DeliveryService deliveries;
  @Inject IntegrationSenders senders;

  @Inject
  @ConfigProperty(name = "chainloop.integrations.lease", defaultValue = "2m")
  String lease;

  @Inject
  @ConfigProperty(name = "chainloop.integrations.timeout", defaultValue = "30s")
  String timeout;

  @Inject
  @ConfigProperty(name = "chainloop.integrations.backoff", defaultValue = "5s")
  String backoff;

  @Inject
  @ConfigProperty(name = "chainloop.integrations.backoff-max", defaultValue = "10m")
  String backoffMax;

  @Inject
  @ConfigProperty(name = "chainloop.integrations.max-attempts", defaultValue = "10")
  int maxAttempts;

  public DeliveryProcessor() {
    super("chainloop.integrations.poll-seconds", 2);
  }

  @Override
  protected void runAt(Instant ignored) {
    Duration leaseFor = Durations.parse(lease);
    Duration sendTimeout = Durations.parse(timeout);
    for (int i = 0; i < PER_TICK; i++) {
      Optional<DeliveryService.Claimed> claimed =
          deliveries.claimNext(node, clock.instant(), leaseFor);
      if (claimed.isEmpty()) {
        return;
      }
      DeliveryService.Claimed d = claimed.get();
      try {
        senders.send(d, sendTimeout);
        deliveries.delivered(d.id(), node, clock.instant());
      } catch (DeliveryFailure | RuntimeException e) {
        String error =
            e instanceof DeliveryFailure
                ? e.getMessage()
                : "the delivery could not be sent (" + e.getClass().getSimpleName() + ")";
        LOG.info(
            "Delivery "
                + d.id()
                + " ("
                + d.kind().wire()
                + ") attempt "
                + d.attempt()
                + " failed: "
                + error);
        deliveries.failed(
            d.id(),
            node,
            error,
            clock.instant(),
            Durations.parse(backoff),
            Durations.parse(backoffMax),
            maxAttempts);
      }
    }
  }
}
