package dev.chainloop.ee.policy;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Upgrades a database written before policy groups: its policies have no {@code kind} and are
 * policies. Runs once per start, in its own transaction; idempotent, so nodes may run it together.
 */
@Singleton
@Startup
public class PolicyKindBackfill {
  private static final Logger LOG = Logger.getLogger(PolicyKindBackfill.class.getName());

  @Inject PolicyRepository repository;

  @PostConstruct
  void backfill() {
    int rows = repository.backfillKind();
    if (rows > 0) {
      LOG.info("Set kind POLICY on " + rows + " policies written before policy groups existed");
    }
  }
}
