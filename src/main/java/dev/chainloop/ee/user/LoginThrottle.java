package dev.chainloop.ee.user;

import dev.chainloop.ee.platform.config.ChainloopConfig;
import dev.chainloop.ee.platform.error.RateLimitedException;
import dev.chainloop.ee.shared.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Throttles password guessing: after {@code chainloop.login.max-failures} failures for one email or
 * one client address, further attempts answer 429 with Retry-After until the lockout passes. The
 * counts are rows in the database ({@link LoginFailure}), so every node of a cluster shares them: N
 * nodes do not give a guesser N times the attempts. Logins are rare next to API calls; a read per
 * attempt and a write per failure cost nothing that matters.
 */
@ApplicationScoped
public class LoginThrottle {
  /** Rows of keys that neither failed nor were locked for this long are deleted. */
  static final Duration IDLE = Duration.ofDays(1);

  private final Clock clock = Clock.systemUTC();

  @Inject ChainloopConfig config;
  @Inject LoginFailureRepository repository;

  void check(String... keys) {
    Instant now = clock.instant();
    for (String key : keys) {
      Instant locked = repository.find(id(key)).map(LoginFailure::getLockedUntil).orElse(null);
      if (locked != null && now.isBefore(locked)) {
        long seconds = Math.max(1, Duration.between(now, locked).toSeconds() + 1);
        throw new RateLimitedException(
            "too many failed logins, try again in " + seconds + " seconds", seconds);
      }
    }
  }

  /**
   * One failure for an email (limit {@code max-failures}) and its client address (10 times that),
   * committed on its own: the login that failed rolls back. Rows are locked email first, then
   * address, on every node, so that two failures never wait on each other in a cycle. Should two
   * nodes record the first failure of a key at the same instant, one insert fails and that one
   * failure is not counted (the caller logs it).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void failed(String emailKey, String addressKey) {
    Instant now = clock.instant();
    fail(emailKey, config.loginMaxFailures(), now);
    fail(addressKey, config.loginMaxFailures() * 10, now);
  }

  private void fail(String key, int limit, Instant now) {
    String id = id(key);
    Optional<LoginFailure> row = repository.lock(id);
    if (row.isPresent()) {
      row.get().fail(limit, now, config.loginLockout());
    } else {
      LoginFailure created = new LoginFailure(id, now);
      created.fail(limit, now, config.loginLockout());
      repository.insert(created);
    }
  }

  /** A successful login clears its email's and address's failures. */
  void succeeded(String... keys) {
    for (String key : keys) {
      repository.delete(id(key));
    }
  }

  /** Deletes the rows of keys idle for a day and not locked (the sweeper's pass). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int forgetIdle(Instant now) {
    return repository.deleteIdleSince(now.minus(IDLE), now);
  }

  private static String id(String key) {
    return Sha256.hex(key.getBytes(StandardCharsets.UTF_8));
  }
}
