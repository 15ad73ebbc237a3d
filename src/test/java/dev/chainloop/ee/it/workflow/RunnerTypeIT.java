package dev.chainloop.ee.it.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Cli;
import dev.chainloop.ee.it.support.Fixtures;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A run records the CI runner its client reports, under upstream Chainloop's names; a contract's
 * {@code runner.type} admits only runs from that runner.
 */
class RunnerTypeIT {
  private static final String EXPECTS_GITHUB =
      "The contract expects the attestation to be crafted in a runner of type \"GITHUB_ACTION\""
          + " but couldn't be detected. Use --dry-run flag if development";

  /** A CLI whose environment is a GitHub Actions job, as Runners.detect reads it. */
  private static Cli inGitHubActions(Cli cli) {
    return cli.env("GITHUB_ACTIONS", "true")
        .env("GITHUB_SERVER_URL", "https://github.com")
        .env("GITHUB_REPOSITORY", "acme/app")
        .env("GITHUB_RUN_ID", "42");
  }

  /** Creates a contract requiring GitHub Actions and a workflow {@code gh-only} in project p. */
  private static void githubOnlyWorkflow(Cli cli, String token) throws Exception {
    Path contract = cli.home().resolve("contract.yaml");
    Files.writeString(
        contract,
        "apiVersion: chainloop.dev/v1\nkind: Contract\nmetadata:\n  name: gh-only\n"
            + "spec:\n  runner:\n    type: GITHUB_ACTION\n");
    Cli.Result created =
        cli.run("wf", "contract", "create", "-f", contract.toString(), "--token", token);
    assertThat(created.exitCode()).as(created.toString()).isZero();
    Cli.Result wf =
        cli.run(
            "wf",
            "create",
            "--name",
            "gh-only",
            "--project",
            "p",
            "--contract",
            "gh-only",
            "-s",
            "--token",
            token);
    assertThat(wf.exitCode()).as(wf.toString()).isZero();
  }

  @Test
  void aContractRequiringGitHubActionsAdmitsAnInitFromAGitHubActionsJob() throws Exception {
    String token = Fixtures.apiToken(Fixtures.ownerWithOrg());
    Cli cli = new Cli();
    githubOnlyWorkflow(cli, token);

    Cli.Result init =
        inGitHubActions(cli).run("att", "init", "--workflow", "gh-only", "--token", token);
    assertThat(init.exitCode()).as(init.toString()).isZero();

    JsonObject lastRun =
        Api.withToken(token)
            .get("/api/v1/workflows?project=p")
            .json()
            .getJsonArray("items")
            .getJsonObject(0)
            .getJsonObject("lastRun");
    assertThat(lastRun.getString("runnerType")).isEqualTo("GITHUB_ACTION");
  }

  @Test
  void aContractRequiringGitHubActionsRefusesAnInitFromElsewhereAndCreatesNoRun() throws Exception {
    String token = Fixtures.apiToken(Fixtures.ownerWithOrg());
    Cli cli = new Cli();
    githubOnlyWorkflow(cli, token);

    Cli.Result init = cli.run("att", "init", "--workflow", "gh-only", "--token", token);
    assertThat(init.exitCode()).as(init.toString()).isNotZero();
    assertThat(init.stderr().lines().filter(l -> !l.startsWith("INF ")))
        .as(init.toString())
        .hasSize(1)
        .allSatisfy(line -> assertThat(line).endsWith(EXPECTS_GITHUB));

    Api api = Api.withToken(token);
    JsonObject workflow =
        api.get("/api/v1/workflows?project=p").json().getJsonArray("items").getJsonObject(0);
    assertThat(!workflow.containsKey("lastRun") || workflow.isNull("lastRun"))
        .as(workflow.toString())
        .isTrue();

    // Another runner is refused just as well, and the API names the field.
    Api.Reply gitlab =
        api.post(
            "/api/v1/attestations/init",
            "{\"workflow\":\"gh-only\",\"project\":\"p\",\"runnerType\":\"GITLAB_PIPELINE\"}");
    assertThat(gitlab.status()).as(gitlab.toString()).isEqualTo(400);
    assertThat(gitlab.json().getString("detail")).isEqualTo(EXPECTS_GITHUB);
    JsonObject violation = gitlab.json().getJsonArray("violations").getJsonObject(0);
    assertThat(violation.getString("field")).isEqualTo("runnerType");
    assertThat(violation.getString("message"))
        .isEqualTo(
            "the contract requires runner GITHUB_ACTION, the client reported GITLAB_PIPELINE");
  }

  @Test
  void aContractWithoutARunnerTypeAdmitsAnyRunner() {
    Api api = Api.withToken(Fixtures.apiToken(Fixtures.ownerWithOrg()));
    for (String runner : new String[] {"GITLAB_PIPELINE", ""}) {
      Api.Reply init =
          api.post(
              "/api/v1/attestations/init",
              "{\"workflow\":\"any\",\"project\":\"runners\",\"runnerType\":\"" + runner + "\"}");
      assertThat(init.status()).as(init.toString()).isEqualTo(200);
    }
  }

  @Test
  void aRunAndItsWorkflowListingShowTheRunnerItStartedOn() {
    Api api = Api.withToken(Fixtures.apiToken(Fixtures.ownerWithOrg()));
    Api.Reply init =
        api.post(
            "/api/v1/attestations/init",
            "{\"workflow\":\"build\",\"project\":\"runners\",\"runnerType\":\"GITHUB_ACTION\","
                + "\"runUrl\":\"https://ci.example/run/1\"}");
    assertThat(init.status()).as(init.toString()).isEqualTo(200);

    JsonObject run =
        api.get("/api/v1/workflow-runs/" + init.json().getString("attestationId"))
            .json()
            .getJsonObject("run");
    assertThat(run.getString("runnerType")).isEqualTo("GITHUB_ACTION");
    assertThat(run.getString("runUrl")).isEqualTo("https://ci.example/run/1");

    JsonObject lastRun =
        api.get("/api/v1/workflows?project=runners")
            .json()
            .getJsonArray("items")
            .getJsonObject(0)
            .getJsonObject("lastRun");
    assertThat(lastRun.getString("runnerType")).isEqualTo("GITHUB_ACTION");
    assertThat(lastRun.getString("state")).isEqualTo("initialized");
  }

  @Test
  void aRunnerUpstreamDoesNotKnowIsRefusedBeforeAnythingIsCreated() {
    Api api = Api.withToken(Fixtures.apiToken(Fixtures.ownerWithOrg()));
    Api.Reply init =
        api.post(
            "/api/v1/attestations/init",
            "{\"workflow\":\"build\",\"project\":\"runners\",\"runnerType\":\"MY_LAPTOP\"}");
    assertThat(init.status()).as(init.toString()).isEqualTo(400);
    assertThat(init.json().getString("detail"))
        .isEqualTo("runnerType: unknown runner type \"MY_LAPTOP\"");
    assertThat(api.get("/api/v1/workflows?project=runners").json().getJsonArray("items")).isEmpty();
  }
}
