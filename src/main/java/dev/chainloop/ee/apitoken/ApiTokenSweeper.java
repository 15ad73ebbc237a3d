package dev.chainloop.ee.apitoken;

import dev.chainloop.ee.organization.OrganizationService;
import dev.chainloop.ee.platform.PeriodicJob;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Revokes API tokens unused for longer than their organization's {@code apiTokenMaxDaysInactive}.
 * Runs every {@code chainloop.api-tokens.sweep-seconds} (default 600) on every node; the
 * conditional revoke makes each token revoked, and audited, once.
 */
@Singleton
@Startup
public class ApiTokenSweeper extends PeriodicJob {
  private static final Logger LOG = Logger.getLogger(ApiTokenSweeper.class.getName());

  @Inject OrganizationService organizations;
  @Inject ApiTokenService tokens;

  public ApiTokenSweeper() {
    super("chainloop.api-tokens.sweep-seconds", 600);
  }

  @Override
  protected void runAt(Instant now) {
    sweep(now);
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
