package dev.chainloop.ee.cli.commands.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.cli.CliRunner;
import dev.chainloop.ee.cli.FakeControlPlane;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractApplyCommandTest {
  private static final String CONTRACT =
      "{\"name\":\"c1\",\"description\":\"\",\"latestRevision\":2,\"project\":\"\","
          + "\"revision\":{\"revision\":2,\"rawBody\":\"x\"}}";

  @TempDir Path home;
  FakeControlPlane server;
  CliRunner cli;

  @BeforeEach
  void start() throws IOException {
    server = new FakeControlPlane();
    cli =
        new CliRunner(home)
            .env("CHAINLOOP_CONTROL_PLANE_API", server.url())
            .env("CHAINLOOP_TOKEN", "user.token");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void helpShowsUpstreamFlags() {
    CliRunner.Result r = cli.run("workflow", "contract", "apply", "-h");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("Apply a contract (create or update)")
        .contains("--name")
        .contains("-f, --contract")
        .contains("--description")
        .contains("--project");
  }

  @Test
  void deprecatedAsUpstreamHidesItAndSaysWhatToUse() throws IOException {
    assertThat(cli.run("workflow", "contract", "-h").out())
        .contains("create")
        .doesNotContain("apply");
    Path file =
        Files.writeString(home.resolve("c1.yaml"), "kind: Contract\nmetadata:\n  name: c1\n");
    server.json(
        "POST /api/v1/workflow-contracts/apply",
        200,
        "{\"status\":\"UPDATED\",\"contract\":" + CONTRACT + "}");
    CliRunner.Result r = cli.run("wf", "contract", "apply", "-f", file.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err())
        .contains("WRN Command \"apply\" is deprecated, use 'chainloop apply -f <file>' instead");
  }

  @Test
  void missingFileIsOneErrLine() {
    CliRunner.Result r =
        cli.run("wf", "contract", "apply", "-f", home.resolve("nope.yaml").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).startsWith("ERR ").contains("nope.yaml").contains("not found");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void nothingToApplyIsAUsageError() {
    CliRunner.Result r = cli.run("wf", "contract", "apply");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("ERR --contract or --name is required\n");
  }

  @Test
  void nameWithSeveralDocumentsIsRefused() throws IOException {
    Path dir = Files.createDirectory(home.resolve("contracts"));
    Files.writeString(dir.resolve("a.yaml"), "schemaVersion: v1\n");
    Files.writeString(dir.resolve("b.yaml"), "schemaVersion: v1\n");
    CliRunner.Result r = cli.run("wf", "contract", "apply", "-f", dir.toString(), "--name", "x");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("--name names one contract").contains("holds 2");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void fileWithoutNameGoesThroughTheServersApply() throws IOException {
    Path file =
        Files.writeString(home.resolve("c1.yaml"), "kind: Contract\nmetadata:\n  name: c1\n");
    server.json(
        "POST /api/v1/workflow-contracts/apply",
        200,
        "{\"status\":\"UPDATED\",\"contract\":" + CONTRACT + "}");
    CliRunner.Result r = cli.run("wf", "contract", "apply", "-f", file.toString(), "-o", "json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("Contract/c1 applied");
    assertThat(r.out()).contains("\"name\"").contains("c1");
    assertThat(server.lastRequest().body()).contains("metadata");
  }
}
