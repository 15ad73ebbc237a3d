package dev.chainloop.ee.run;

import dev.chainloop.ee.platform.PeriodicJob;
import dev.chainloop.ee.platform.config.Durations;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
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
public class RunExpirySweeper extends PeriodicJob {
  private static final Logger LOG = Logger.getLogger(RunExpirySweeper.class.getName());

  @Inject WorkflowRunService runs;

  @Inject
  @ConfigProperty(name = "chainloop.runs.timeout", defaultValue = "1h")
  String timeout;

  public RunExpirySweeper() {
    super("chainloop.runs.expiry-check-seconds", 60);
  }

  @Override
  protected void runAt(Instant now) {
    Duration ttl = Durations.parse(timeout);
    int expired = runs.expireOlderThan(now.minus(ttl), now);
    if (expired > 0) {
      LOG.info("Expired " + expired + " workflow runs unfinished after " + timeout);
    }
  }
}
