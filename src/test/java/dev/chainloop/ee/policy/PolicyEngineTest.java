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

  private PolicyEngine.Verdict builtin(
      String name,
      String kind,
      String content,
      Map<String, String> metadata,
      Map<String, String> with) {
    PolicyEngine.CompiledPolicy p =
        engine.compileCached("builtin:" + name, BuiltinPolicies.body(name).orElseThrow());
    return engine.evaluate(
        p,
        kind,
        content == null
            ? null
            : MaterialContent.parse(kind, content.getBytes(StandardCharsets.UTF_8)),
        metadata,
        PolicyInputs.resolve(p.document(), with));
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
  void everyBuiltinCompiles() {
    for (String name : BuiltinPolicies.NAMES) {
      PolicyDocument doc = PolicyDocument.parse(BuiltinPolicies.body(name).orElseThrow());
      assertThat(doc.name()).isEqualTo(name);
      PolicyEngine.compile(doc);
    }
  }

  private static final String CDX =
      """
      {"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [
        {"name": "lib-a", "version": "1.0", "licenses": [{"license": {"id": "MIT"}}]},
        {"name": "lib-b", "version": "2.0", "licenses": [{"license": {"id": "AGPL-3.0-only"}}]},
        {"name": "lib-c", "licenses": [{"expression": "(MIT OR GPL-3.0-only)"}]},
        {"name": "lib-d", "version": null}
      ]}
      """;

  @Test
  void sbomBannedLicensesNamesEachOffendingComponent() {
    var v =
        builtin(
            "sbom-banned-licenses",
            "SBOM_CYCLONEDX_JSON",
            CDX,
            Map.of(),
            Map.of("bannedLicenses", "AGPL-3.0-only, GPL-3.0-only"));
    assertThat(v.violations())
        .containsExactly(
            "component lib-b@2.0 has a banned license", "component lib-c has a banned license");
    assertThat(
            builtin(
                    "sbom-banned-licenses",
                    "SBOM_CYCLONEDX_JSON",
                    CDX,
                    Map.of(),
                    Map.of("bannedLicenses", "BSD-4-Clause"))
                .passed())
        .isTrue();
    var spdx =
        builtin(
            "sbom-banned-licenses",
            "SBOM_SPDX_JSON",
            """
            {"spdxVersion": "SPDX-2.3", "packages": [
              {"name": "p1", "versionInfo": "1", "licenseConcluded": "GPL-3.0-only"},
              {"name": "p2", "licenseConcluded": "NOASSERTION"}]}
            """,
            Map.of(),
            Map.of("bannedLicenses", "GPL-3.0-only"));
    assertThat(spdx.violations()).containsExactly("package p1@1 has a banned license");
  }

  @Test
  void sbomMinComponentsCountsComponents() {
    assertThat(
            builtin("sbom-min-components", "SBOM_CYCLONEDX_JSON", CDX, Map.of(), Map.of()).passed())
        .isTrue();
    assertThat(
            builtin(
                    "sbom-min-components",
                    "SBOM_CYCLONEDX_JSON",
                    CDX,
                    Map.of(),
                    Map.of("minComponents", "5"))
                .violations())
        .containsExactly("the SBOM lists 4 components, fewer than 5");
    assertThat(
            builtin("sbom-min-components", "SBOM_CYCLONEDX_JSON", "{}", Map.of(), Map.of())
                .violations())
        .hasSize(1);
  }

  @Test
  void junitAllPassedReadsTheReportTotals() {
    String ok =
        "<testsuites><testsuite name=\"a\" tests=\"3\" failures=\"0\" errors=\"0\"/></testsuites>";
    String bad = "<testsuite name=\"a\" tests=\"3\" failures=\"1\" errors=\"1\" skipped=\"0\"/>";
    assertThat(builtin("junit-all-passed", "JUNIT_XML", ok, Map.of(), Map.of()).passed()).isTrue();
    assertThat(builtin("junit-all-passed", "JUNIT_XML", bad, Map.of(), Map.of()).violations())
        .containsExactly("1 failed and 1 errored of 3 tests");
    assertThat(
            builtin("junit-all-passed", "JUNIT_XML", "<testsuites/>", Map.of(), Map.of())
                .violations())
        .containsExactly("the JUnit report holds no tests");
  }

  @Test
  void junitReportsWithADoctypeAreRefused() {
    String xxe =
        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><testsuite name=\"&e;\"/>";
    assertThatThrownBy(
            () -> MaterialContent.parse("JUNIT_XML", xxe.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void containerImagePinnedWantsADigest() {
    assertThat(
            builtin(
                    "container-image-pinned",
                    "CONTAINER_IMAGE",
                    null,
                    Map.of("value", "ghcr.io/a/b@sha256:" + "0".repeat(64)),
                    Map.of())
                .passed())
        .isTrue();
    assertThat(
            builtin(
                    "container-image-pinned",
                    "CONTAINER_IMAGE",
                    null,
                    Map.of("value", "ghcr.io/a/b:latest"),
                    Map.of())
                .violations())
        .containsExactly("image ghcr.io/a/b:latest is not pinned by digest");
  }

  @Test
  void sbomPresentLooksAtTheStatementsMaterials() {
    String with =
        """
        {"predicate": {"materials": [
          {"annotations": {"chainloop.material.type": "SBOM_CYCLONEDX_JSON"}}]}}
        """;
    String without =
        """
        {"predicate": {"materials": [{"annotations": {"chainloop.material.type": "STRING"}}]}}
        """;
    assertThat(builtin("sbom-present", "ATTESTATION", with, Map.of(), Map.of()).passed()).isTrue();
    assertThat(builtin("sbom-present", "ATTESTATION", without, Map.of(), Map.of()).violations())
        .hasSize(1);
  }
}
