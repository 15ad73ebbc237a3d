package dev.chainloop.ee.platform.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * The shared state of one token bucket of the {@link RateLimiter}: every node settles the requests
 * it admitted into this row, so all nodes draw on one budget per credential. A missing row is a
 * full bucket; rows are deleted once they would be full again.
 */
@Entity
@Table(
    name = "rate_buckets",
    indexes = @Index(name = "ix_rate_buckets_full_at", columnList = "full_at"))
@NamedQuery(
    name = "RateBucket.deleteFullBefore",
    query = "DELETE FROM RateBucket b WHERE b.fullAt < :now")
public class RateBucket {
  /**
   * Hex SHA-256 of the bucket's key (a credential id): no key of any length or content is stored.
   */
  @Id
  @Column(length = 64)
  private String id;

  /** Tokens left at {@link #settledAt}; negative when the nodes together admitted more (a debt). */
  @Column(nullable = false)
  private double tokens;

  /** Epoch milliseconds of the last settlement. */
  @Column(name = "settled_at", nullable = false)
  private long settledAt;

  /** Epoch milliseconds at which the bucket is full again if nothing more is taken. */
  @Column(name = "full_at", nullable = false)
  private long fullAt;

  protected RateBucket() {}

  RateBucket(String id, double tokens, long settledAt, long fullAt) {
    this.id = id;
    this.tokens = tokens;
    this.settledAt = settledAt;
    this.fullAt = fullAt;
  }

  String getId() {
    return id;
  }

  double getTokens() {
    return tokens;
  }

  long getSettledAt() {
    return settledAt;
  }

  void settle(double tokens, long settledAt, long fullAt) {
    this.tokens = tokens;
    this.settledAt = settledAt;
    this.fullAt = fullAt;
  }
}
