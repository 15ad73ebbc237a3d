package dev.chainloop.ee.platform.security;

import dev.chainloop.ee.platform.error.RateLimitedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A token bucket per credential (API token, robot account or user session): a burst of {@code
 * chainloop.rate-limit.burst} requests, refilled at {@code
 * chainloop.rate-limit.requests-per-second}. Over the limit a request answers 429 with Retry-After.
 * Per node, like Liberty's own limits.
 */
@ApplicationScoped
public class RateLimiter {
  private static final int MAX_BUCKETS = 200_000;

  @Inject
  @ConfigProperty(name = "chainloop.rate-limit.requests-per-second", defaultValue = "100")
  double ratePerSecond;

  @Inject
  @ConfigProperty(name = "chainloop.rate-limit.burst", defaultValue = "1000")
  double burst;

  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public void acquire(String credentialId) {
    if (ratePerSecond <= 0) {
      return;
    }
    if (buckets.size() > MAX_BUCKETS) {
      buckets.clear();
    }
    Bucket bucket =
        buckets.computeIfAbsent(credentialId, id -> new Bucket(burst, System.nanoTime()));
    double waitSeconds = bucket.take(ratePerSecond, burst, System.nanoTime());
    if (waitSeconds > 0) {
      long retryAfter = Math.max(1, (long) Math.ceil(waitSeconds));
      throw new RateLimitedException(
          "too many requests with this credential, retry in " + retryAfter + " seconds",
          retryAfter);
    }
  }

  private static final class Bucket {
    private double tokens;
    private long lastNanos;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.lastNanos = now;
    }

    /** Takes one token; answers 0, or the seconds until one is available. */
    synchronized double take(double rate, double capacity, long now) {
      tokens = Math.min(capacity, tokens + (now - lastNanos) / 1e9 * rate);
      lastNanos = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (1 - tokens) / rate;
    }
  }
}
