package dev.chainloop.ee.it.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Fixtures;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** A run records the CI runner its client reports, under upstream Chainloop's names. */
class RunnerTypeIT {
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
