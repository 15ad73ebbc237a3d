package dev.chainloop.ee.it.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.it.support.Cli;
import dev.chainloop.ee.it.support.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code attestation init --contract}: the contract of a workflow that init creates, as upstream.
 */
class InitContractIT {
  private final Fixtures.Account owner = Fixtures.ownerWithOrg();
  private final String token = Fixtures.apiToken(owner);
  private final Cli cli = new Cli();

  private Cli.Result init(String workflow, String contract) {
    Cli.Result r =
        cli.run(
            "att",
            "init",
            "--workflow",
            workflow,
            "--project",
            "core",
            "--contract",
            contract,
            "--replace",
            "--token",
            token);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return r;
  }

  @Test
  void aWorkflowCreatedByInitGetsTheContractFileAndKeepsItAfterwards() throws Exception {
    Path file = cli.home().resolve("contract.yaml");
    Files.writeString(
        file,
        """
        apiVersion: chainloop.dev/v1
        kind: Contract
        metadata:
          name: from-init
        spec:
          materials:
            - type: STRING
              name: release-notes
        """);
    Cli.Result created = init("with-file", file.toString());
    assertThat(created.stdout()).contains("release-notes");

    Cli.Result other = init("by-name", "from-init");
    assertThat(other.stdout()).contains("release-notes");

    // An existing workflow keeps its contract: the default one here, without materials.
    Cli.Result plain =
        cli.run(
            "att",
            "init",
            "--workflow",
            "plain",
            "--project",
            "core",
            "--replace",
            "--token",
            token);
    assertThat(plain.exitCode()).as(plain.toString()).isZero();
    Cli.Result again = init("plain", "from-init");
    assertThat(again.stdout()).doesNotContain("release-notes");
  }

  @Test
  void anUnknownContractNameIsOneErrorLineAndCreatesNoWorkflow() {
    Cli.Result r =
        cli.run(
            "att",
            "init",
            "--workflow",
            "orphan",
            "--project",
            "core",
            "--contract",
            "nope",
            "--token",
            token);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr().lines().filter(l -> l.startsWith("ERR "))).hasSize(1);
    assertThat(cli.run("wf", "list", "--token", token).stdout()).doesNotContain("orphan");
  }
}
