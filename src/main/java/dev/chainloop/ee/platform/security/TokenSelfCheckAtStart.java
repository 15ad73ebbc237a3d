package dev.chainloop.ee.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Runs {@link TokenSelfCheck} once the server answers HTTP, so that a server which cannot verify
 * its own tokens says so in its log at start, before any user meets a 401.
 */
@Singleton
@Startup
public class TokenSelfCheckAtStart {
  private static final long RETRY_MILLIS = 1000;
  private static final int MAX_TRIES = 180;

  @Resource TimerService timers;
  @Inject TokenSelfCheck selfCheck;
  private int tries;

  @PostConstruct
  void schedule() {
    timers.createSingleActionTimer(RETRY_MILLIS, new TimerConfig(null, false));
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void probe(Timer timer) {
    if (!selfCheck.check().answered() && ++tries < MAX_TRIES) {
      timers.createSingleActionTimer(RETRY_MILLIS, new TimerConfig(null, false));
    }
  }
}
