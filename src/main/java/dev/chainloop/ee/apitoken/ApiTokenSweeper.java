package dev.chainloop.ee.apitoken;

import dev.chainloop.ee.organization.OrganizationService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Revokes API tokens unused for longer than their organization's {@code apiTokenMaxDaysInactive}.
 * Runs every {@code chainloop.api-tokens.sweep-seconds} (default 600) on every node; the
 * conditional revoke makes each token revoked, and audited, once.
 */
@Singleton
@Startup
public class ApiTokenSweeper {
  private static final Logger LOG = Logger.getLogger(ApiTokenSweeper.class.getName());

  @Resource TimerService timers;
  @Inject OrganizationService organizations;
  @Inject ApiTokenService tokens;

  @Inject
  @ConfigProperty(name = "chainloop.api-tokens.sweep-seconds", defaultValue = "600")
  long periodSeconds;

  @PostConstruct
  void schedule() {
    long period = Math.max(1, periodSeconds) * 1000;
    timers.createIntervalTimer(period, period, new TimerConfig(null, false));
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void scheduled() {
    sweep(Clock.systemUTC().instant());
  }

  /** One pass at the given time (tests pass a future instant). Returns the tokens revoked. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int sweep(Instant now) {
    int total = 0;
    for (var org : organizations.withInactivityPolicy()) {
      total += tokens.revokeInactive(org.getId(), org.getApiTokenMaxDaysInactive(), now);
    }
    if (total > 0) {
      LOG.info("Revoked " + total + " inactive API tokens");
    }
    return total;
  }
}
