package dev.chainloop.ee.run;

import dev.chainloop.ee.platform.config.Durations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Expires runs left unfinished for longer than {@code chainloop.runs.timeout} (default 1h),
 * checking every {@code chainloop.runs.expiry-check-seconds} (default 60) on every node.
 */
@Singleton
@Startup
public class RunExpirySweeper {
  private static final Logger LOG = Logger.getLogger(RunExpirySweeper.class.getName());

  @Resource TimerService timers;
  @Inject WorkflowRunService runs;

  @Inject
  @ConfigProperty(name = "chainloop.runs.timeout", defaultValue = "1h")
  String timeout;

  @Inject
  @ConfigProperty(name = "chainloop.runs.expiry-check-seconds", defaultValue = "60")
  long periodSeconds;

  @PostConstruct
  void schedule() {
    long period = Math.max(1, periodSeconds) * 1000;
    timers.createIntervalTimer(period, period, new TimerConfig(null, false));
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void sweep() {
    Instant now = Clock.systemUTC().instant();
    Duration ttl = Durations.parse(timeout);
    int expired = runs.expireOlderThan(now.minus(ttl), now);
    if (expired > 0) {
      LOG.info("Expired " + expired + " workflow runs unfinished after " + timeout);
    }
  }
}
