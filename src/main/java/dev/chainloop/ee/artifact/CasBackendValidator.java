package dev.chainloop.ee.artifact;

import dev.chainloop.ee.platform.PeriodicJob;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Validates every added CAS backend every {@code chainloop.cas.validate-seconds} (default 300): a
 * backend that fails is marked Invalid with the reason (uploads then go to the fallback), and OK
 * again once it passes. Each node does it; the outcome is the same whoever records it.
 */
@Singleton
@Startup
public class CasBackendValidator extends PeriodicJob {
  private static final Logger LOG = Logger.getLogger(CasBackendValidator.class.getName());

  @Inject CasBackendService backends;

  public CasBackendValidator() {
    super("chainloop.cas.validate-seconds", 300);
  }

  @Override
  protected void runAt(Instant now) {
    for (String id : backends.allIds()) {
      backends
          .check(id)
          .ifPresent(
              error -> {
                if (backends.recordValidation(id, error, now)) {
                  LOG.warning(
                      "CAS backend "
                          + id
                          + (error.isEmpty() ? " is valid again" : " failed validation: " + error));
                }
              });
    }
  }
}
