package dev.chainloop.ee.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The built-in library: each policy on passing and violating documents of each kind it reads. */
class BuiltinPoliciesTest {
  private final PolicyEngine engine = new PolicyEngine();

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

  private static String statement(String... materials) {
    return "{\"predicate\": {\"runnerType\": \"GITHUB_ACTION\", \"materials\": ["
        + String.join(",", materials)
        + "]}}";
  }

  private static String material(String kind, String name) {
    return "{\"name\": \"%s\", \"annotations\": {\"chainloop.material.type\": \"%s\"}}"
        .formatted(name, kind);
  }

  @Test
  void containersWithSbomWantsAnSbomPerImage() {
    String image = material("CONTAINER_IMAGE", "ghcr.io/a/b@sha256:1");
    String image2 = material("CONTAINER_IMAGE", "ghcr.io/a/c@sha256:2");
    String sbom = material("SBOM_CYCLONEDX_JSON", "sbom.json");
    assertThat(
            builtin(
                    "containers-with-sbom",
                    "ATTESTATION",
                    statement(image, sbom),
                    Map.of(),
                    Map.of())
                .passed())
        .isTrue();
    assertThat(
            builtin("containers-with-sbom", "ATTESTATION", statement(), Map.of(), Map.of())
                .passed())
        .isTrue();
    assertThat(
            builtin("containers-with-sbom", "ATTESTATION", statement(image), Map.of(), Map.of())
                .violations())
        .containsExactly("container image ghcr.io/a/b@sha256:1 has no SBOM");
    assertThat(
            builtin(
                    "containers-with-sbom",
                    "ATTESTATION",
                    statement(image, image2, sbom),
                    Map.of(),
                    Map.of())
                .violations())
        .containsExactly("2 container images but only 1 SBOMs");
  }

  @Test
  void sbomBannedComponentsMatchesNamesAndVersions() {
    var v =
        builtin(
            "sbom-banned-components",
            "SBOM_CYCLONEDX_JSON",
            CDX,
            Map.of(),
            Map.of("components", "lib-a@1.0, lib-b@9.9, lib-c"));
    assertThat(v.violations())
        .containsExactly("component lib-a@1.0 is banned", "component lib-c is banned");
    var spdx =
        builtin(
            "sbom-banned-components",
            "SBOM_SPDX_JSON",
            """
            {"spdxVersion": "SPDX-2.3", "packages": [
              {"name": "log4j-core", "versionInfo": "2.14.1"}, {"name": "log4j-core", "versionInfo": "2.17.1"}]}
            """,
            Map.of(),
            Map.of("components", "log4j-core@2.14.1"));
    assertThat(spdx.violations()).containsExactly("package log4j-core@2.14.1 is banned");
  }

  private static final String SARIF =
      """
      {"version": "2.1.0", "runs": [
        {"tool": {"driver": {"name": "trivy", "rules": [
            {"id": "CVE-1", "properties": {"security-severity": "9.8"}},
            {"id": "CVE-2", "properties": {"security-severity": "5.3"}}]}},
         "results": [
            {"ruleId": "CVE-1", "message": {"text": "critical one"}},
            {"ruleId": "CVE-2", "message": {"text": "medium one"}}]},
        {"tool": {"driver": {"name": "semgrep"}},
         "results": [{"ruleId": "sqli", "level": "error", "message": {"text": "tainted query"}}]}]}
      """;

  @Test
  void vulnerabilitiesMaxSeverityReadsSarifScoresAndLevels() {
    assertThat(
            builtin("vulnerabilities-max-severity", "SARIF", SARIF, Map.of(), Map.of())
                .violations())
        .containsExactly(
            "CVE-1 is at or above HIGH: critical one", "sqli is at or above HIGH: tainted query");
    assertThat(
            builtin(
                    "vulnerabilities-max-severity",
                    "SARIF",
                    SARIF,
                    Map.of(),
                    Map.of("severity", "critical"))
                .violations())
        .containsExactly("CVE-1 is at or above CRITICAL: critical one");
    assertThat(
            builtin(
                    "vulnerabilities-max-severity",
                    "SARIF",
                    SARIF,
                    Map.of(),
                    Map.of("severity", "medium"))
                .violations())
        .hasSize(3);
    assertThat(
            builtin(
                    "vulnerabilities-max-severity",
                    "SARIF",
                    SARIF,
                    Map.of(),
                    Map.of("severity", "severe"))
                .violations())
        .containsExactly("severity must be LOW, MEDIUM, HIGH or CRITICAL, not severe");
  }

  @Test
  void vulnerabilitiesMaxSeverityReadsCycloneDxVexAndOpenVex() {
    String vex =
        """
        {"bomFormat": "CycloneDX", "specVersion": "1.5", "vulnerabilities": [
          {"id": "CVE-1", "ratings": [{"severity": "critical"}]},
          {"id": "CVE-2", "ratings": [{"severity": "high"}], "analysis": {"state": "not_affected"}},
          {"id": "CVE-3", "ratings": [{"severity": "low"}]}]}
        """;
    assertThat(
            builtin("vulnerabilities-max-severity", "SBOM_CYCLONEDX_JSON", vex, Map.of(), Map.of())
                .violations())
        .containsExactly("CVE-1 is at or above HIGH");
    assertThat(
            builtin("vulnerabilities-max-severity", "SBOM_CYCLONEDX_JSON", CDX, Map.of(), Map.of())
                .passed())
        .isTrue();
    String openVex =
        """
        {"@context": "https://openvex.dev/ns/v0.2.0", "statements": [
          {"vulnerability": {"name": "CVE-7"}, "status": "affected"},
          {"vulnerability": {"name": "CVE-8"}, "status": "not_affected"}]}
        """;
    assertThat(
            builtin("vulnerabilities-max-severity", "OPENVEX", openVex, Map.of(), Map.of())
                .violations())
        .containsExactly("CVE-7 affects the product");
  }

  @Test
  void artifactSignedWantsASignatureAnnotation() {
    assertThat(
            builtin(
                    "artifact-signed",
                    "CONTAINER_IMAGE",
                    null,
                    Map.of(
                        "kind",
                        "CONTAINER_IMAGE",
                        "name",
                        "image",
                        "annotations.signature",
                        "sha256:abc"),
                    Map.of())
                .passed())
        .isTrue();
    assertThat(
            builtin(
                    "artifact-signed",
                    "HELM_CHART",
                    null,
                    Map.of("kind", "HELM_CHART", "name", "chart"),
                    Map.of())
                .violations())
        .containsExactly("HELM_CHART chart has no signature annotation");
  }

  @Test
  void runnerIsCiWantsACiRunner() {
    assertThat(builtin("runner-is-ci", "ATTESTATION", statement(), Map.of(), Map.of()).passed())
        .isTrue();
    assertThat(
            builtin(
                    "runner-is-ci",
                    "ATTESTATION",
                    statement(),
                    Map.of(),
                    Map.of("runner", "GITLAB_PIPELINE"))
                .violations())
        .containsExactly("the attestation was made on GITHUB_ACTION, not on GITLAB_PIPELINE");
    assertThat(
            builtin(
                    "runner-is-ci",
                    "ATTESTATION",
                    "{\"predicate\": {\"runnerType\": \"RUNNER_TYPE_UNSPECIFIED\"}}",
                    Map.of(),
                    Map.of())
                .violations())
        .containsExactly("the attestation was not made on a CI runner");
  }

  @Test
  void secretsScanCleanReadsGitleaksAndTrufflehogWithoutQuotingSecrets() {
    String gitleaks =
        """
        [{"RuleID": "aws-access-token", "File": "src/app.py", "StartLine": 12,
          "Secret": "AKIAVERYSECRET", "Fingerprint": "src/app.py:aws-access-token:12"}]
        """;
    var g = builtin("secrets-scan-clean", "GITLEAKS_JSON", gitleaks, Map.of(), Map.of());
    assertThat(g.violations())
        .containsExactly("secret found by rule aws-access-token in src/app.py:12");
    assertThat(builtin("secrets-scan-clean", "GITLEAKS_JSON", "[]", Map.of(), Map.of()).passed())
        .isTrue();
    String trufflehog =
        """
        {"SourceMetadata": {"Data": {"Filesystem": {"file": "config.yaml", "line": 3}}}, \
        "DetectorName": "AWS", "Verified": true, "Raw": "AKIAVERYSECRET"}
        {"SourceMetadata": {"Data": {"Git": {"file": "old.env"}}}, "DetectorName": "Slack", \
        "Verified": false, "Raw": "xoxb-secret"}
        """;
    var t = builtin("secrets-scan-clean", "TRUFFLEHOG_JSON", trufflehog, Map.of(), Map.of());
    assertThat(t.violations())
        .containsExactly(
            "secret found by detector AWS (verified) in config.yaml:3",
            "secret found by detector Slack in old.env");
    assertThat(String.join(" ", t.violations()) + String.join(" ", g.violations()))
        .doesNotContain("SECRET")
        .doesNotContain("xoxb");
  }
}
