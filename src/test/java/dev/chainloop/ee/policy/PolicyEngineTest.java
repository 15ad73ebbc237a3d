package dev.chainloop.ee.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {
  private final PolicyEngine engine = new PolicyEngine();

  private static String policy(String kind, String cel) {
    return """
        apiVersion: workflowcontract.chainloop.dev/v1
        kind: Policy
        metadata: {name: p}
        spec:
          policies:
            - kind: %s
              cel: '%s'
        """
        .formatted(kind, cel.replace("'", "''"));
  }

  private PolicyEngine.Verdict run(String body, String kind, Object material) {
    return engine.evaluate(
        PolicyEngine.compile(PolicyDocument.parse(body)), kind, material, Map.of(), Map.of());
  }

  @Test
  void aPolicyReturnsItsViolations() {
    var v =
        run(
            policy("STRING", "material == \"ok\" ? [] : [\"not ok: \" + material]"),
            "STRING",
            "bad");
    assertThat(v.violations()).containsExactly("not ok: bad");
    assertThat(run(policy("STRING", "material == \"ok\" ? [] : [\"x\"]"), "STRING", "ok").passed())
        .isTrue();
  }

  @Test
  void aPolicyWithoutARuleForTheKindIsSkippedWithAReason() {
    var v = run(policy("STRING", "[]"), "SARIF", Map.of());
    assertThat(v.skipped()).isTrue();
    assertThat(v.skipReason()).contains("no rule for SARIF");
  }

  @Test
  void regoIsRefusedNamingCel() {
    String rego =
        """
        apiVersion: workflowcontract.chainloop.dev/v1
        kind: Policy
        metadata: {name: p}
        spec:
          policies:
            - kind: SBOM_CYCLONEDX_JSON
              embedded: |
                package main
                violations[msg] { msg := "x" }
        """;
    assertThatThrownBy(() -> PolicyDocument.parse(rego))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("Rego")
        .hasMessageContaining("CEL");
    assertThatThrownBy(() -> PolicyDocument.parse(policy("STRING", "package main")))
        .hasMessageContaining("Rego")
        .hasMessageContaining("CEL");
  }

  @Test
  void aProgramThatDoesNotCompileIsRefusedNamingTheRule() {
    assertThatThrownBy(() -> PolicyEngine.compile(PolicyDocument.parse(policy("STRING", "[1 +"))))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("policy \"p\" does not compile")
        .hasMessageContaining("spec.policies[0].cel");
    assertThatThrownBy(() -> PolicyEngine.compile(PolicyDocument.parse(policy("STRING", "true"))))
        .hasMessageContaining("does not compile");
  }

  @Test
  void deepNestingAndHugeProgramsAreRefusedAtCompileTime() {
    String deep = "(".repeat(200) + "[]" + ")".repeat(200);
    assertThatThrownBy(() -> PolicyEngine.compile(PolicyDocument.parse(policy("STRING", deep))))
        .hasMessageContaining("does not compile");
    String wide = "[" + "\"a\",".repeat(3000) + "\"a\"]";
    assertThatThrownBy(() -> PolicyEngine.compile(PolicyDocument.parse(policy("STRING", wide))))
        .isInstanceOf(InvalidPolicyException.class);
  }

  @Test
  void aHugeComprehensionIsStoppedByTheCostLimit() {
    String bomb =
        "[1,2,3,4,5,6,7,8,9,10].map(a, [1,2,3,4,5,6,7,8,9,10].map(b, [1,2,3,4,5,6,7,8,9,10]"
            + ".map(c, [1,2,3,4,5,6,7,8,9,10].map(d, [1,2,3,4,5,6,7,8,9,10].map(e, a+b+c+d+e)))))"
            + ".size() > 0 ? [] : []";
    long start = System.nanoTime();
    var v = run(policy("STRING", bomb), "STRING", "x");
    assertThat(v.violations()).singleElement().asString().startsWith("evaluation stopped:");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aSlowEvaluationIsStoppedByTheTimeLimit() {
    PolicyEngine strict = new PolicyEngine(Long.MAX_VALUE, Duration.ofMillis(1));
    String slow =
        "[1,2,3,4,5,6,7,8,9,10].map(a, [1,2,3,4,5,6,7,8,9,10].map(b, [1,2,3,4,5,6,7,8,9,10]"
            + ".map(c, [1,2,3,4,5,6,7,8,9,10].map(d, a+b+c+d)))).size() > 0 ? [] : []";
    var v =
        strict.evaluate(
            PolicyEngine.compile(PolicyDocument.parse(policy("STRING", slow))),
            "STRING",
            "x",
            Map.of(),
            Map.of());
    assertThat(v.violations()).containsExactly("evaluation stopped: time limit exceeded");
  }

  @Test
  void aRuntimeErrorIsAViolationNotAPass() {
    var v = run(policy("SARIF", "material.nope == 1 ? [] : []"), "SARIF", Map.of());
    assertThat(v.violations()).singleElement().asString().startsWith("evaluation error:");
  }

  @Test
  void inputsAreCheckedAndCapped() {
    var p = PolicyDocument.parse(BuiltinPolicies.body("sbom-banned-licenses").orElseThrow());
    assertThatThrownBy(() -> PolicyInputs.resolve(p, Map.of()))
        .hasMessageContaining("requires the input \"bannedLicenses\"");
    assertThatThrownBy(() -> PolicyInputs.resolve(p, Map.of("nope", "x")))
        .hasMessageContaining("has no input \"nope\"");
    assertThatThrownBy(() -> PolicyInputs.resolve(p, Map.of("bannedLicenses", "x".repeat(5000))))
        .hasMessageContaining("over");
  }

  @Test
  void compiledPoliciesAreCachedPerKey() {
    String body = BuiltinPolicies.body("junit-all-passed").orElseThrow();
    assertThat(engine.compileCached("k1", body)).isSameAs(engine.compileCached("k1", body));
  }

  @Test
  void junitReportsWithADoctypeAreRefused() {
    String xxe =
        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><testsuite name=\"&e;\"/>";
    assertThatThrownBy(
            () -> MaterialContent.parse("JUNIT_XML", xxe.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
