package dev.chainloop.ee.policy;

import jakarta.enterprise.context.ApplicationScoped;

/** The server's one engine, so that each policy revision compiles once per node. */
@ApplicationScoped
public class PolicyCompilations {
  private final PolicyEngine engine = new PolicyEngine();

  /**
   * Revision {@code key}'s compiled program; revisions are immutable, so the key never goes stale.
   */
  PolicyEngine.CompiledPolicy compile(String key, String body) {
    return PolicyRefusals.asInvalidInput(() -> engine.compileCached(key, body));
  }

  public PolicyEngine engine() {
    return engine;
  }
}
