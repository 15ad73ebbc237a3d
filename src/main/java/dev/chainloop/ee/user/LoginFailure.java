package dev.chainloop.ee.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * Failed logins for one email or one client address, shared by every node ({@link LoginThrottle}).
 * The id is the hex SHA-256 of the key: no email or address is stored here.
 */
@Entity
@Table(name = "login_failures")
@NamedQuery(
    name = "LoginFailure.deleteIdleSince",
    query =
        "DELETE FROM LoginFailure f WHERE f.updatedAt < :cutoff"
            + " AND (f.lockedUntil IS NULL OR f.lockedUntil < :now)")
public class LoginFailure {
  @Id
  @Column(length = 64)
  private String id;

  @Column(nullable = false)
  private int failures;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected LoginFailure() {}

  LoginFailure(String id, Instant now) {
    this.id = id;
    this.updatedAt = now;
  }

  /** One more failure; at {@code limit} the key is locked until {@code now + lockout}. */
  void fail(int limit, Instant now, Duration lockout) {
    if (lockedUntil != null && !now.isBefore(lockedUntil)) {
      failures = 0;
      lockedUntil = null;
    }
    failures++;
    if (failures >= limit) {
      lockedUntil = now.plus(lockout);
    }
    updatedAt = now;
  }

  Instant getLockedUntil() {
    return lockedUntil;
  }
}
