package dev.chainloop.ee.platform.security;

import dev.chainloop.ee.shared.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Token buckets kept in the database ({@link RateBucket}), so that every node of a cluster draws on
 * the same budget. Nodes do not write on every request: each settles what it admitted since its
 * last settlement ({@link #settle}), in one transaction per node per interval, and reads back what
 * the others took.
 */
@ApplicationScoped
public class SharedBuckets {
  /** A bucket's tokens as of a moment (epoch milliseconds), before refilling. */
  public record Level(double tokens, long at) {
    /**
     * The tokens at {@code nowMillis}: refilled at {@code rate} per second up to {@code capacity}.
     */
    public double at(long nowMillis, double capacity, double rate) {
      return Math.min(capacity, tokens + Math.max(0, nowMillis - at) / 1000.0 * rate);
    }
  }

  @Inject RateBucketRepository repository;

  /** The row id of a bucket key: its hex SHA-256. */
  public static String id(String key) {
    return Sha256.hex(key.getBytes(StandardCharsets.UTF_8));
  }

  /** The bucket's last settled level, or empty if it is full (no row). */
  public Optional<Level> read(String id) {
    return repository.find(id).map(b -> new Level(b.getTokens(), b.getSettledAt()));
  }

  /**
   * Takes {@code taken} tokens from each bucket (ids in sorted order, so that two nodes lock rows
   * in the same order and never deadlock) and answers every bucket's level afterwards. One
   * transaction: if two nodes create the same row at once, the loser's transaction fails and its
   * caller settles again next time.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Map<String, Level> settle(
      SortedMap<String, Long> taken, double capacity, double rate, long nowMillis) {
    Map<String, Level> levels = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : taken.entrySet()) {
      Optional<RateBucket> row = repository.lock(e.getKey());
      double before =
          row.map(b -> new Level(b.getTokens(), b.getSettledAt()).at(nowMillis, capacity, rate))
              .orElse(capacity);
      double after = before - e.getValue();
      long fullAt = nowMillis + (long) Math.ceil((capacity - after) / rate * 1000);
      if (row.isPresent()) {
        row.get().settle(after, nowMillis, fullAt);
      } else {
        repository.insert(new RateBucket(e.getKey(), after, nowMillis, fullAt));
      }
      levels.put(e.getKey(), new Level(after, nowMillis));
    }
    return levels;
  }

  /** Deletes the rows of buckets that are full again by now (a missing row is a full bucket). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int deleteFull(long nowMillis) {
    return repository.deleteFullBefore(nowMillis);
  }
}
