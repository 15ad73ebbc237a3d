package dev.chainloop.ee.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chainloop.ee.cli.client.model.CreateApiTokenRequest;
import dev.chainloop.ee.cli.client.model.CreateWorkflowRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointTest {
  @Test
  void pathValuesAreEncodedAsSegmentsAndDigestsKeepTheirColon() {
    assertThat(ControlPlane.GET_WORKFLOW.call("a b/c?d").request().target())
        .isEqualTo("/api/v1/workflows/a%20b%2Fc%3Fd");
    assertThat(ControlPlane.DOWNLOAD_ARTIFACT.call("sha256:00ff").request().target())
        .isEqualTo("/api/v1/artifacts/sha256:00ff");
  }

  @Test
  void queryParametersKeepTheirOrderAndEmptyOnesAreLeftOut() {
    String target =
        ControlPlane.LIST_WORKFLOW_RUNS
            .call()
            .query("workflow", "")
            .query("project", "core & more")
            .query("status", null)
            .query("next", "c:1")
            .query("limit", 50)
            .request()
            .target();

    assertThat(target)
        .isEqualTo("/api/v1/workflow-runs?project=core%20%26%20more&next=c%3A1&limit=50");
  }

  @Test
  void undeclaredParametersAndOtherBodiesAreRefused() {
    assertThatThrownBy(() -> ControlPlane.LIST_PROJECTS.call().query("limit", 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ControlPlane.LIST_WORKFLOWS.call().query("page", "2"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ControlPlane.GET_WORKFLOW.call())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                ControlPlane.CREATE_WORKFLOW
                    .call()
                    .json(new CreateApiTokenRequest("n", null, null, null, null)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRequestRecordIsWrittenInComponentOrderWithoutItsNulls() {
    assertThat(
            Endpoint.write(
                    new CreateWorkflowRequest("wf", "core", null, "t", null, "body: x", false))
                .toString())
        .isEqualTo(
            "{\"name\":\"wf\",\"project\":\"core\",\"team\":\"t\",\"contractBody\":\"body: x\","
                + "\"createRobotAccount\":false}");
    assertThat(
            Endpoint.write(new CreateApiTokenRequest("ci", null, "1h", null, List.of("a:b")))
                .toString())
        .isEqualTo("{\"name\":\"ci\",\"expiresIn\":\"1h\",\"permissions\":[\"a:b\"]}");
  }
}
