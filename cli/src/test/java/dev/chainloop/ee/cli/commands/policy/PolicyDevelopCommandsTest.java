package dev.chainloop.ee.cli.commands.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.cli.CliRunner;
import dev.chainloop.ee.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code policy develop eval|lint} run the server's engine locally, with no control plane. */
class PolicyDevelopCommandsTest {
  @TempDir Path home;

  private static final String POLICY =
      """
      apiVersion: workflowcontract.chainloop.dev/v1
      kind: Policy
      metadata: {name: licenses}
      spec:
        inputs:
          - {name: banned, required: true}
        policies:
          - kind: SBOM_CYCLONEDX_JSON
            cel: |
              material.components.filter(c, has(c.licenses) && c.licenses.exists(l,
                has(l.license.id) && l.license.id in input.banned.split(",")))
                .map(c, "component " + c.name + " has a banned license")
      """;

  private static final String SBOM =
      """
      {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1, "components": [
        {"type": "library", "name": "lib", "version": "1.0",
         "licenses": [{"license": {"id": "AGPL-3.0-only"}}]}]}
      """;

  private Path write(String name, String text) throws IOException {
    Path p = home.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private CliRunner.Result eval(String policy, String... more) throws IOException {
    Path p = write("policy.yaml", policy);
    Path sbom = write("sbom.json", SBOM);
    List<String> args =
        new ArrayList<>(
            List.of(
                "policy",
                "develop",
                "eval",
                "--policy",
                p.toString(),
                "--material",
                sbom.toString()));
    args.addAll(List.of(more));
    return new CliRunner(home).run(args.toArray(String[]::new));
  }

  @Test
  void evalPrintsTheViolationsAsJson() throws IOException {
    CliRunner.Result r =
        eval(POLICY, "--kind", "SBOM_CYCLONEDX_JSON", "--input", "banned=GPL-3.0,AGPL-3.0-only");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().replaceAll("\\s", ""))
        .isEqualTo(
            "{\"result\":{\"violations\":[\"componentlibhasabannedlicense\"],"
                + "\"skip_reasons\":[],\"skipped\":false}}");
  }

  @Test
  void evalDetectsTheKindAndSkipsAKindThePolicyHasNoRuleFor() throws IOException {
    CliRunner.Result detected = eval(POLICY, "--input", "banned=MIT");
    assertThat(detected.code()).as(detected.err()).isZero();
    assertThat(detected.out()).contains("\"violations\": []").contains("\"skipped\": false");

    CliRunner.Result skipped = eval(POLICY, "--kind", "SARIF", "--input", "banned=MIT");
    assertThat(skipped.out())
        .contains("\"skipped\": true")
        .contains("policy \\\"licenses\\\" has no rule for SARIF");
  }

  @Test
  void evalRefusesMissingAndUnknownInputsOnOneLine() throws IOException {
    CliRunner.Result missing = eval(POLICY, "--kind", "SBOM_CYCLONEDX_JSON");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err())
        .isEqualTo("ERR with: policy \"licenses\" requires the input \"banned\"\n");

    CliRunner.Result unknown = eval(POLICY, "--input", "banned=x", "--input", "nope=1");
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.errLines()).singleElement().asString().contains("has no input \"nope\"");
  }

  @Test
  void lintAcceptsAValidPolicyAndListsEveryIssueOfABrokenOne() throws IOException {
    Path ok = write("ok.yaml", POLICY);
    CliRunner.Result valid =
        new CliRunner(home).run("policy", "develop", "lint", "-p", ok.toString());
    assertThat(valid.code()).as(valid.err()).isZero();
    assertThat(valid.err()).isEqualTo("INF policy is valid!\n");

    Path broken =
        write(
            "broken.yaml",
            POLICY.replace("kind: Policy", "kind: Polizy").replace(".map(c,", ".map(c,,"));
    CliRunner.Result r =
        new CliRunner(home).run("policy", "devel", "lint", "-p", broken.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("ISSUE").contains("kind: must be Policy");
    assertThat(r.err()).isEqualTo("ERR 1 issues found\n");

    Path cel = write("cel.yaml", POLICY.replace(".map(c,", ".map(c,,"));
    CliRunner.Result c = new CliRunner(home).run("policy", "develop", "lint", "-p", cel.toString());
    assertThat(c.code()).isEqualTo(1);
    assertThat(c.out()).contains("spec.policies[0].cel");

    Path rego =
        write(
            "rego.yaml",
            POLICY.replace(
                "      cel: |", "      embedded: |\n          package main\n      cel: |"));
    CliRunner.Result g =
        new CliRunner(home).run("policy", "develop", "lint", "-p", rego.toString());
    assertThat(g.code()).isEqualTo(1);
    assertThat(g.out()).contains("Rego").contains("CEL");
  }

  /**
   * CEL and the engine load only for {@code policy develop}: every other command starts as fast as
   * before they were added. A fresh JVM, since this one has loaded them already.
   */
  @Test
  void theEngineIsNotLoadedByOtherCommands() throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-verbose:class",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "version",
                "--control-plane",
                "http://127.0.0.1:1")
            .redirectErrorStream(true)
            .start();
    String loaded = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isIn(0, 1);
    assertThat(loaded).contains("dev.chainloop.ee.cli.Main");
    assertThat(loaded.lines().filter(l -> l.contains("dev.cel.") || l.contains("ee.policy.")))
        .isEmpty();
  }
}
