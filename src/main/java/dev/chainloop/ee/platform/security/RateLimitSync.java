package dev.chainloop.ee.platform.security;

import dev.chainloop.ee.platform.PeriodicJob;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Settles this node's rate-limit buckets into the shared ones every {@code
 * chainloop.rate-limit.sync-seconds} (default 1), and every minute deletes the shared rows of
 * buckets that are full again.
 */
@Singleton
@Startup
public class RateLimitSync extends PeriodicJob {
  private static final long CLEANUP_MILLIS = 60_000;

  @Inject RateLimiter limiter;
  @Inject SharedBuckets shared;

  private long lastCleanup;

  public RateLimitSync() {
    super("chainloop.rate-limit.sync-seconds", 1);
  }

  @Override
  protected void runAt(Instant now) {
    long millis = now.toEpochMilli();
    limiter.sync(millis);
    if (millis - lastCleanup >= CLEANUP_MILLIS) {
      lastCleanup = millis;
      shared.deleteFull(millis);
    }
  }
}
