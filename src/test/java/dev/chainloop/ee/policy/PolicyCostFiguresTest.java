package dev.chainloop.ee.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Prints what one evaluation of each built-in policy costs (µs, after warm-up) on materials of two
 * sizes, for bench/POLICIES.md. Figures only: nothing here asserts a time. Run alone: {@code ./mvnw
 * -o -q test -Dcli.skip=true -Dtest=PolicyCostFiguresTest -Dpolicy.figures=true}; without {@code
 * policy.figures} it evaluates each case once (a smoke test of the cases themselves).
 */
class PolicyCostFiguresTest {
  private static final boolean FIGURES = Boolean.getBoolean("policy.figures");
  private final PolicyEngine engine = new PolicyEngine();

  private static String cyclonedx(int components) {
    StringBuilder b =
        new StringBuilder("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"components\":[");
    for (int i = 0; i < components; i++) {
      b.append(i == 0 ? "" : ",")
          .append("{\"type\":\"library\",\"name\":\"lib")
          .append(i)
          .append("\",\"version\":\"1.")
          .append(i)
          .append("\",\"licenses\":[{\"license\":{\"id\":\"MIT\"}}]}");
    }
    return b.append("]}").toString();
  }

  private static String junit(int suites) {
    StringBuilder b = new StringBuilder("<testsuites>");
    for (int i = 0; i < suites; i++) {
      b.append("<testsuite name=\"s").append(i).append("\" tests=\"10\" failures=\"0\"/>");
    }
    return b.append("</testsuites>").toString();
  }

  private static String statement(int materials) {
    StringBuilder b = new StringBuilder("{\"predicate\":{\"materials\":[");
    for (int i = 0; i < materials; i++) {
      b.append(i == 0 ? "" : ",")
          .append("{\"name\":\"m")
          .append(i)
          .append("\",\"annotations\":{\"chainloop.material.type\":\"")
          .append(i == 0 ? "SBOM_CYCLONEDX_JSON" : "STRING")
          .append("\",\"chainloop.material.name\":\"m")
          .append(i)
          .append("\"}}");
    }
    return b.append("]}}").toString();
  }

  private record Case(String policy, String kind, String label, Object material) {}

  private List<Case> cases() {
    return List.of(
        new Case("sbom-present", "ATTESTATION", "3 materials", MaterialContent.json(statement(3))),
        new Case(
            "sbom-present", "ATTESTATION", "50 materials", MaterialContent.json(statement(50))),
        new Case("sbom-banned-licenses", "SBOM_CYCLONEDX_JSON", "10 components", sbom(10)),
        new Case("sbom-banned-licenses", "SBOM_CYCLONEDX_JSON", "1000 components", sbom(1000)),
        new Case("sbom-min-components", "SBOM_CYCLONEDX_JSON", "10 components", sbom(10)),
        new Case("sbom-min-components", "SBOM_CYCLONEDX_JSON", "1000 components", sbom(1000)),
        new Case("junit-all-passed", "JUNIT_XML", "5 suites", junitContent(5)),
        new Case("junit-all-passed", "JUNIT_XML", "500 suites", junitContent(500)),
        new Case(
            "container-image-pinned",
            "CONTAINER_IMAGE",
            "1 image",
            "ghcr.io/acme/app@sha256:" + "a".repeat(64)));
  }

  private static Object sbom(int components) {
    return MaterialContent.parse(
        "SBOM_CYCLONEDX_JSON", cyclonedx(components).getBytes(StandardCharsets.UTF_8));
  }

  private static Object junitContent(int suites) {
    return MaterialContent.parse("JUNIT_XML", junit(suites).getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> inputs(PolicyDocument doc) {
    Map<String, String> with = new LinkedHashMap<>();
    for (PolicyDocument.Input i : doc.inputs()) {
      if (i.required() && i.defaultValue() == null) {
        with.put(i.name(), "AGPL-3.0-only,GPL-3.0-only");
      }
    }
    return PolicyInputs.resolve(doc, with);
  }

  @Test
  void printTheCostOfEachBuiltinPolicy() {
    int warmup = FIGURES ? 2_000 : 0;
    int measured = FIGURES ? 2_000 : 1;
    StringBuilder table =
        new StringBuilder("| policy | material | µs per evaluation |\n|---|---|---:|\n");
    for (Case c : cases()) {
      PolicyEngine.CompiledPolicy p =
          engine.compileCached(
              "builtin:" + c.policy(), BuiltinPolicies.body(c.policy()).orElseThrow());
      Map<String, String> inputs = inputs(p.document());
      Map<String, String> metadata =
          Map.of(
              "name",
              "m",
              "kind",
              c.kind(),
              "value",
              c.material() instanceof String text ? text : "m.json");
      for (int i = 0; i < warmup; i++) {
        engine.evaluate(p, c.kind(), c.material(), metadata, inputs);
      }
      long start = System.nanoTime();
      PolicyEngine.Verdict last = null;
      for (int i = 0; i < measured; i++) {
        last = engine.evaluate(p, c.kind(), c.material(), metadata, inputs);
      }
      long micros = (System.nanoTime() - start) / 1_000 / measured;
      assertThat(last.skipped()).as(c.policy()).isFalse();
      assertThat(last.violations()).as(c.policy() + " " + last.violations()).isEmpty();
      table.append("| %s | %s %s | %d |\n".formatted(c.policy(), c.kind(), c.label(), micros));
    }
    System.out.print(table);
  }
}
