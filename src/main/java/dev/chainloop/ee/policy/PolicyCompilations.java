package dev.chainloop.ee.policy;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The server's one engine, so that each policy revision compiles once per node, and the one way the
 * server evaluates: on the bounded {@code concurrent/policyEvaluation} executor (server.xml: as
 * many threads as cores, a short queue), never on a request thread without a time limit.
 */
@ApplicationScoped
public class PolicyCompilations {
  private final PolicyEngine engine = new PolicyEngine();

  @Resource(lookup = "concurrent/policyEvaluation")
  ManagedExecutorService executor;

  private BoundedEvaluations bounded;

  @PostConstruct
  void start() {
    bounded = new BoundedEvaluations(executor, engine.timeLimit());
  }

  /**
   * Revision {@code key}'s compiled program; revisions are immutable, so the key never goes stale.
   */
  PolicyEngine.CompiledPolicy compile(String key, String body) {
    return PolicyRefusals.asInvalidInput(() -> engine.compileCached(key, body));
  }

  /** {@link PolicyEngine#evaluate}, bounded in time and concurrency. */
  public PolicyEngine.Verdict evaluate(
      PolicyEngine.CompiledPolicy policy,
      String kind,
      Object material,
      Map<String, String> metadata,
      Map<String, String> inputs) {
    return bounded.run(() -> engine.evaluate(policy, kind, material, metadata, inputs));
  }
}
