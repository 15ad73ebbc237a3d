package dev.chainloop.ee.platform.security;

import dev.chainloop.ee.platform.error.RateLimitedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A token bucket per credential (API token, robot account or user session), shared by every node: a
 * burst of {@code chainloop.rate-limit.burst} requests, refilled at {@code
 * chainloop.rate-limit.requests-per-second}. Over the limit a request answers 429 with Retry-After.
 *
 * <p>The request path does not touch the database once a node knows a credential: it takes from its
 * local view of the shared bucket (the level last settled plus the refill since, minus what this
 * node admitted since). Every {@code chainloop.rate-limit.sync-seconds} ({@link RateLimitSync}) the
 * node settles what it admitted into the shared row and reads back what the other nodes took
 * ({@link SharedBuckets}): one transaction per node per interval, whatever the traffic. A
 * credential a node has not seen costs one primary-key read. Between two settlements each node can
 * admit what its own view allows, so a cluster of N nodes overshoots by at most what N-1 nodes
 * admit in one interval; the debt is then taken from the shared bucket.
 */
@ApplicationScoped
public class RateLimiter {
  private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());
  private static final int MAX_BUCKETS = 200_000;

  /** A credential used within this long is re-read at every settlement (to see others' usage). */
  private static final long RECENT_MILLIS = 30_000;

  @Inject
  @ConfigProperty(name = "chainloop.rate-limit.requests-per-second", defaultValue = "100")
  double ratePerSecond;

  @Inject
  @ConfigProperty(name = "chainloop.rate-limit.burst", defaultValue = "1000")
  double burst;

  @Inject SharedBuckets shared;

  private final ConcurrentHashMap<String, View> views = new ConcurrentHashMap<>();

  public void acquire(String credentialId) {
    if (ratePerSecond <= 0) {
      return;
    }
    long now = System.currentTimeMillis();
    View view = views.get(credentialId);
    if (view == null) {
      if (views.size() > MAX_BUCKETS) {
        views.clear();
      }
      String id = SharedBuckets.id(credentialId);
      SharedBuckets.Level level = shared.read(id).orElse(new SharedBuckets.Level(burst, now));
      View fresh = new View(id, level);
      view = views.putIfAbsent(credentialId, fresh);
      view = view == null ? fresh : view;
    }
    double waitSeconds = view.take(ratePerSecond, burst, now);
    if (waitSeconds > 0) {
      long retryAfter = Math.max(1, (long) Math.ceil(waitSeconds));
      throw new RateLimitedException(
          "too many requests with this credential, retry in " + retryAfter + " seconds",
          retryAfter);
    }
  }

  /**
   * Settles what this node admitted since the last call into the shared buckets, and refreshes its
   * view of every credential used recently; forgets credentials idle for long.
   */
  void sync(long now) {
    if (ratePerSecond <= 0 || views.isEmpty()) {
      return;
    }
    TreeMap<String, Long> taken = new TreeMap<>();
    Map<String, View> byId = new HashMap<>();
    views
        .entrySet()
        .removeIf(
            e ->
                e.getValue().idleSince(now)
                    > Math.max(RECENT_MILLIS, 1000 * burst / ratePerSecond));
    for (View view : views.values()) {
      if (view.idleSince(now) <= RECENT_MILLIS) {
        taken.put(view.id, view.drain());
        byId.put(view.id, view);
      }
    }
    if (taken.isEmpty()) {
      return;
    }
    try {
      shared
          .settle(taken, burst, ratePerSecond, now)
          .forEach((id, level) -> byId.get(id).synced(level));
    } catch (RuntimeException e) {
      // Another node created one of the rows at the same moment, or the database is away: keep
      // what was taken and settle it next time.
      byId.values().forEach(View::undrain);
      LOG.log(Level.FINE, "rate-limit settlement deferred", e);
    }
  }

  /** This node's view of one shared bucket. */
  private static final class View {
    final String id;
    private double settledTokens;
    private long settledAt;

    /** Admitted here and not yet handed to a settlement. */
    private long pending;

    /** Admitted here and handed to the settlement in progress. */
    private long inFlight;

    private long lastUsed;

    View(String id, SharedBuckets.Level level) {
      this.id = id;
      this.settledTokens = level.tokens();
      this.settledAt = level.at();
      this.lastUsed = System.currentTimeMillis();
    }

    /** Takes one token; answers 0, or the seconds until one is available. */
    synchronized double take(double rate, double capacity, long now) {
      lastUsed = now;
      double available =
          new SharedBuckets.Level(settledTokens, settledAt).at(now, capacity, rate)
              - pending
              - inFlight;
      if (available >= 1) {
        pending++;
        return 0;
      }
      return (1 - available) / rate;
    }

    synchronized long idleSince(long now) {
      return now - lastUsed;
    }

    synchronized long drain() {
      inFlight += pending;
      pending = 0;
      return inFlight;
    }

    /** The settlement failed: what it carried is still owed. */
    synchronized void undrain() {
      pending += inFlight;
      inFlight = 0;
    }

    /** The shared level after the settlement, which includes what it carried. */
    synchronized void synced(SharedBuckets.Level level) {
      settledTokens = level.tokens();
      settledAt = level.at();
      inFlight = 0;
    }
  }
}
