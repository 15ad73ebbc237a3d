package dev.chainloop.ee.policy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs each evaluation off the request thread, on a bounded executor, and waits for it no longer
 * than the engine's time limit plus a grace: the engine's own budget stops a policy between two
 * expression nodes, this stops waiting for one that is stuck inside a node (and interrupts it,
 * which the engine's budget also watches). A full executor is an evaluation that did not run,
 * reported as a violation: a policy that cannot decide never passes.
 */
final class BoundedEvaluations {
  static final Duration GRACE = Duration.ofMillis(250);

  private final ExecutorService executor;
  private final Duration wait;

  BoundedEvaluations(ExecutorService executor, Duration timeLimit) {
    this.executor = executor;
    this.wait = timeLimit.plus(GRACE);
  }

  PolicyEngine.Verdict run(Callable<PolicyEngine.Verdict> evaluation) {
    Future<PolicyEngine.Verdict> future;
    try {
      future = executor.submit(evaluation);
    } catch (RejectedExecutionException e) {
      return violation("evaluation not run: the server is busy evaluating policies, retry");
    }
    try {
      return future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return violation("evaluation stopped: time limit exceeded");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return violation("evaluation stopped: interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static PolicyEngine.Verdict violation(String message) {
    return new PolicyEngine.Verdict(List.of(message), false, null);
  }
}
