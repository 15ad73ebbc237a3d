package dev.chainloop.ee.apitoken;

import dev.chainloop.ee.organization.OrganizationService;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Revokes API tokens unused for longer than their organization's {@code apiTokenMaxDaysInactive}.
 * Runs every 10 minutes on every node; the conditional revoke makes each token revoked once.
 */
@Singleton
public class ApiTokenSweeper {
  private static final Logger LOG = Logger.getLogger(ApiTokenSweeper.class.getName());

  @Inject OrganizationService organizations;
  @Inject ApiTokenService tokens;

  @Schedule(minute = "*/10", hour = "*", persistent = false)
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
