package dev.chainloop.ee.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Base of the {@code @Singleton @Startup} beans that do one job every few seconds on every node
 * (the sweepers): at start it schedules a non-persistent interval timer whose period, in seconds,
 * is the subclass's config property (values below one count as one), and hands each tick to {@link
 * #runAt(Instant)} outside any transaction: the job's services open their own.
 */
public abstract class PeriodicJob {
  private final String periodProperty;
  private final long defaultPeriodSeconds;

  @Resource TimerService timers;

  /** {@code periodProperty}: the MicroProfile Config key holding the period in seconds. */
  protected PeriodicJob(String periodProperty, long defaultPeriodSeconds) {
    this.periodProperty = periodProperty;
    this.defaultPeriodSeconds = defaultPeriodSeconds;
  }

  /** One pass of the job as of {@code now}. */
  protected abstract void runAt(Instant now);

  @PostConstruct
  void schedule() {
    long seconds =
        ConfigProvider.getConfig()
            .getOptionalValue(periodProperty, Long.class)
            .orElse(defaultPeriodSeconds);
    long period = Math.max(1, seconds) * 1000;
    timers.createIntervalTimer(period, period, new TimerConfig(null, false));
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void scheduled() {
    runAt(Clock.systemUTC().instant());
  }
}
