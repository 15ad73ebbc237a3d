package dev.chainloop.ee.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile policies and inputs are bounded: each case here would exhaust memory or hold a thread for
 * ever without its bound.
 */
class PolicyBoundsTest {
  private final PolicyEngine engine = new PolicyEngine();
  private final ExecutorService oneThread =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          new ThreadPoolExecutor.AbortPolicy());

  @AfterEach
  void stop() {
    oneThread.shutdownNow();
  }

  private static String policy(String cel) {
    return """
        apiVersion: workflowcontract.chainloop.dev/v1
        kind: Policy
        metadata: {name: hostile}
        spec:
          policies:
            - kind: STRING
              cel: '%s'
        """
        .formatted(cel.replace("'", "''"));
  }

  private PolicyEngine.Verdict run(String cel, Object material) {
    return run(engine, cel, material);
  }

  private static PolicyEngine.Verdict run(PolicyEngine engine, String cel, Object material) {
    return engine.evaluate(
        PolicyEngine.compile(PolicyDocument.parse(policy(cel))),
        "STRING",
        material,
        Map.of(),
        Map.of());
  }

  /** Doubling a 10 KB string 20 times is 10 GB: the cost of each built value stops it early. */
  @Test
  void aStringDoubledUntilMemoryRunsOutIsStoppedByTheCostLimit() {
    StringBuilder bomb = new StringBuilder("material");
    for (int i = 0; i < 20; i++) {
      bomb = new StringBuilder("cel.bind(v" + i + ", " + bomb + ", v" + i + " + v" + i + ")");
    }
    var v = run("size(" + bomb + ") > 0 ? [] : []", "x".repeat(10_000));
    assertThat(v.violations())
        .containsExactly("evaluation stopped: cost limit of 1000000 exceeded");
  }

  /** The same with a list: 2^20 copies of 1000 elements. */
  @Test
  void aListDoubledUntilMemoryRunsOutIsStoppedByTheCostLimit() {
    StringBuilder bomb = new StringBuilder("material.split(\"\")");
    for (int i = 0; i < 20; i++) {
      bomb = new StringBuilder("cel.bind(l" + i + ", " + bomb + ", l" + i + " + l" + i + ")");
    }
    var v = run("size(" + bomb + ") > 0 ? [] : []", "y".repeat(1_000));
    assertThat(v.violations()).singleElement().asString().startsWith("evaluation stopped:");
  }

  /** A map over n elements costs about n (its accumulation is not charged as built values). */
  @Test
  void thousandsOfViolationsAreCutToAHundredAndLongOnesClipped() {
    PolicyEngine patient = new PolicyEngine(PolicyEngine.DEFAULT_COST_LIMIT, Duration.ofMinutes(1));
    var many = run(patient, "material.split(\"\").map(c, c)", "z".repeat(5_000));
    assertThat(many.violations()).hasSize(PolicyEngine.MAX_VIOLATIONS + 1);
    assertThat(many.violations().get(PolicyEngine.MAX_VIOLATIONS))
        .isEqualTo("... and 4900 more violation(s)");

    var longOne = run("[material]", "w".repeat(10_000));
    assertThat(longOne.violations())
        .singleElement()
        .asString()
        .hasSize(PolicyEngine.MAX_VIOLATION_CHARS + 3);
  }

  @Test
  void aMaterialOverTheCapIsRefusedBeforeParsing() {
    byte[] huge = new byte[MaterialContent.MAX_BYTES + 1];
    assertThatThrownBy(() -> MaterialContent.parse("SBOM_CYCLONEDX_JSON", huge))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("over");
  }

  /**
   * An evaluation stuck where the engine's budget cannot see it would hold the request thread for
   * ever: the caller stops waiting at the time limit and the evaluation is interrupted.
   */
  @Test
  void aStuckEvaluationReturnsAtTheTimeLimitAndIsInterrupted() throws InterruptedException {
    BoundedEvaluations bounded = new BoundedEvaluations(oneThread, Duration.ofMillis(50));
    CountDownLatch never = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    var v =
        bounded.run(
            () -> {
              try {
                never.await();
              } catch (InterruptedException e) {
                interrupted.countDown();
              }
              return new PolicyEngine.Verdict(List.of(), false, null);
            });
    assertThat(v.violations()).containsExactly("evaluation stopped: time limit exceeded");
    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aFullExecutorIsAnEvaluationNotRunNeverAPass() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    oneThread.submit(
        () -> {
          release.await();
          return null;
        });
    BoundedEvaluations bounded = new BoundedEvaluations(oneThread, Duration.ofMillis(50));
    var v = bounded.run(() -> new PolicyEngine.Verdict(List.of(), false, null));
    assertThat(v.passed()).isFalse();
    assertThat(v.violations()).singleElement().asString().startsWith("evaluation not run");
    release.countDown();
  }

  @Test
  void anEvaluationWithinItsLimitsAnswersItsVerdict() {
    BoundedEvaluations bounded = new BoundedEvaluations(oneThread, engine.timeLimit());
    var compiled =
        PolicyEngine.compile(
            PolicyDocument.parse(policy("material == \"ok\" ? [] : [\"not ok: \" + material]")));
    var v = bounded.run(() -> engine.evaluate(compiled, "STRING", "nope", Map.of(), Map.of()));
    assertThat(v.violations()).containsExactly("not ok: nope");
  }
}
