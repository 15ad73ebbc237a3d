package dev.chainloop.ee.user;

import dev.chainloop.ee.platform.config.ChainloopConfig;
import dev.chainloop.ee.platform.error.RateLimitedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Throttles password guessing: after {@code chainloop.login.max-failures} failures for one email or
 * one client address, further attempts answer 429 with Retry-After until the lockout passes. Per
 * node: several nodes multiply the budget by their number, which still bounds guessing.
 */
@ApplicationScoped
public class LoginThrottle {
  private record Window(int failures, Instant lockedUntil) {}

  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
  private final Clock clock = Clock.systemUTC();

  @Inject ChainloopConfig config;

  void check(String... keys) {
    Instant now = clock.instant();
    for (String key : keys) {
      Window w = windows.get(key);
      if (w != null && w.lockedUntil() != null && now.isBefore(w.lockedUntil())) {
        long seconds = Math.max(1, Duration.between(now, w.lockedUntil()).toSeconds() + 1);
        throw new RateLimitedException(
            "too many failed logins, try again in " + seconds + " seconds", seconds);
      }
    }
  }

  /**
   * One failure for an email (limit {@code max-failures}) and its client address (10 times that).
   */
  void failed(String emailKey, String addressKey) {
    failed(emailKey, config.loginMaxFailures());
    failed(addressKey, config.loginMaxFailures() * 10);
  }

  private void failed(String key, int limit) {
    Instant now = clock.instant();
    {
      windows.compute(
          key,
          (k, w) -> {
            int failures =
                (w == null || (w.lockedUntil() != null && now.isAfter(w.lockedUntil())))
                    ? 1
                    : w.failures() + 1;
            Instant locked = failures >= limit ? now.plus(config.loginLockout()) : null;
            return new Window(failures, locked);
          });
    }
    if (windows.size() > 100_000) {
      windows.entrySet().removeIf(e -> e.getValue().lockedUntil() == null);
    }
  }

  void succeeded(String... keys) {
    for (String key : keys) {
      windows.remove(key);
    }
  }
}
