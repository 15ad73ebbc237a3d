package dev.chainloop.ee.user;

import dev.chainloop.ee.platform.PeriodicJob;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Instant;

/** Forgets failed-login counts idle for a day, every {@code chainloop.login.sweep-seconds}. */
@Singleton
@Startup
public class LoginFailureSweeper extends PeriodicJob {
  @Inject LoginThrottle throttle;

  public LoginFailureSweeper() {
    super("chainloop.login.sweep-seconds", 3600);
  }

  @Override
  protected void runAt(Instant now) {
    throttle.forgetIdle(now);
  }
}
