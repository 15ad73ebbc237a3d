package dev.chainloop.ee.it.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.it.support.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What a contract requires of a push: its materials, in their formats, named in one line. */
class AttestationContractIT extends AttestationPipelines {
  @Test
  void pushWithoutRequiredContractMaterialsFailsWithOneLineNamingThem() throws Exception {
    Cli cli = new Cli();
    Path contract = cli.home().resolve("contract.yaml");
    Files.writeString(
        contract,
        "apiVersion: chainloop.dev/v1\nkind: Contract\nmetadata:\n  name: strict\n"
            + "spec:\n  materials:\n    - type: ARTIFACT\n      name: binary\n"
            + "    - type: SBOM_CYCLONEDX_JSON\n      name: sbom\n"
            + "    - type: STRING\n      name: notes\n      optional: true\n");
    assertThat(
            cli.run("wf", "contract", "create", "-f", contract.toString(), "--token", token)
                .exitCode())
        .isZero();
    assertThat(
            cli.run(
                    "wf",
                    "create",
                    "--name",
                    "strict-wf",
                    "--project",
                    "p",
                    "--contract",
                    "strict",
                    "-s",
                    "--token",
                    token)
                .exitCode())
        .isZero();
    assertThat(cli.run("att", "init", "--workflow", "strict-wf", "--token", token).exitCode())
        .isZero();
    Cli.Result push =
        cli.run("att", "push", "--key", cli.signingKey().toString(), "--token", token);
    assertThat(push.exitCode()).isNotZero();
    assertThat(push.stderr().lines().filter(l -> !l.startsWith("INF "))).hasSize(1);
    assertThat(push.stderr())
        .contains("binary (ARTIFACT)")
        .contains("sbom (SBOM_CYCLONEDX_JSON)")
        .doesNotContain("notes");
  }

  @Test
  void aWrongFormatSbomIsOneClearLine() throws Exception {
    Cli cli = new Cli();
    assertThat(
            cli.run("att", "init", "--workflow", "sb", "--project", "p", "--token", token)
                .exitCode())
        .isZero();
    Path notSbom = cli.home().resolve("package.json");
    Files.writeString(notSbom, "{\"name\":\"app\",\"version\":\"1.0.0\"}");
    Cli.Result add =
        cli.run(
            "att",
            "add",
            "--value",
            notSbom.toString(),
            "--kind",
            "SBOM_CYCLONEDX_JSON",
            "--token",
            token);
    assertThat(add.exitCode()).isNotZero();
    assertThat(add.stderr().lines().filter(l -> !l.startsWith("INF "))).hasSize(1);
    assertThat(add.stderr())
        .contains("invalid material of kind SBOM_CYCLONEDX_JSON")
        .contains("not a CycloneDX JSON SBOM");
  }
}
