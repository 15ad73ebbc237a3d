package dev.chainloop.ee.it.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Fixtures;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class ContractIT {
  private static final String V2 =
      """
      apiVersion: chainloop.dev/v1
      kind: Contract
      metadata:
        name: build-contract
      spec:
        materials:
          - type: CONTAINER_IMAGE
            name: image
            output: true
          - type: SBOM_CYCLONEDX_JSON
            name: sbom
            optional: true
            annotations:
              - name: owner
                value: sec
        envAllowList: [CUSTOM_VAR]
        runner:
          type: GITHUB_ACTION
      """;

  private final Fixtures.Account owner = Fixtures.ownerWithOrg();

  private Api user() {
    return owner.api().header("Chainloop-Organization", owner.org());
  }

  private static String body(String name, String contract) {
    var b = Json.createObjectBuilder().add("body", contract);
    if (name != null) {
      b.add("name", name);
    }
    return b.build().toString();
  }

  @Test
  void yamlV2ContractIsCreatedWithRevisionOne() {
    Api.Reply created = user().post("/api/v1/workflow-contracts", body(null, V2));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().getString("name")).isEqualTo("build-contract");
    assertThat(created.json().getInt("latestRevision")).isEqualTo(1);
    assertThat(created.json().getJsonObject("revision").getString("format")).isEqualTo("yaml");
    assertThat(created.json().getJsonObject("revision").getString("rawBody")).isEqualTo(V2);
  }

  @Test
  void jsonAndLegacyV1ContractsAreAccepted() {
    String json =
        "{\"apiVersion\":\"chainloop.dev/v1\",\"kind\":\"Contract\",\"metadata\":{\"name\":\"j\"},"
            + "\"spec\":{\"materials\":[{\"type\":\"ARTIFACT\",\"name\":\"bin\"}]}}";
    Api.Reply j = user().post("/api/v1/workflow-contracts", body(null, json));
    assertThat(j.status()).as(j.toString()).isEqualTo(201);
    assertThat(j.json().getJsonObject("revision").getString("format")).isEqualTo("json");

    String v1 = "schemaVersion: v1\nmaterials:\n  - type: STRING\n    name: version\n";
    Api.Reply legacy = user().post("/api/v1/workflow-contracts", body("legacy", v1));
    assertThat(legacy.status()).as(legacy.toString()).isEqualTo(201);

    String v1json = "{\"schemaVersion\":\"v1\",\"runner\":{\"type\":\"JENKINS_JOB\"}}";
    assertThat(user().post("/api/v1/workflow-contracts", body("legacy-json", v1json)).status())
        .isEqualTo(201);
    assertThat(user().get("/api/v1/workflow-contracts").json().getJsonArray("items")).hasSize(3);
  }

  @Test
  void identicalUpdateKeepsTheRevisionAndAChangedOneAddsRevisionTwo() {
    user().post("/api/v1/workflow-contracts", body(null, V2));
    Api.Reply same = user().patch("/api/v1/workflow-contracts/build-contract", body(null, V2));
    assertThat(same.status()).as(same.toString()).isEqualTo(200);
    assertThat(same.json().getInt("latestRevision")).isEqualTo(1);

    String changed = V2.replace("CUSTOM_VAR", "OTHER_VAR");
    Api.Reply updated =
        user().patch("/api/v1/workflow-contracts/build-contract", body(null, changed));
    assertThat(updated.json().getInt("latestRevision")).isEqualTo(2);

    Api.Reply first = user().get("/api/v1/workflow-contracts/build-contract?revision=1");
    assertThat(first.json().getJsonObject("revision").getString("rawBody")).isEqualTo(V2);
    Api.Reply latest = user().get("/api/v1/workflow-contracts/build-contract");
    assertThat(latest.json().getJsonObject("revision").getInt("revision")).isEqualTo(2);
    assertThat(user().get("/api/v1/workflow-contracts/build-contract?revision=9").status())
        .isEqualTo(404);
  }

  @Test
  void invalidContractsNameTheFieldAndLine() {
    String bad =
        """
        apiVersion: chainloop.dev/v1
        kind: Contract
        metadata:
          name: bad
        spec:
          materials:
            - type: CONTAINER_IMAGE
              name: image
            - type: NOPE
              name: Bad_Name
            - type: ARTIFACT
              name: image
          runner:
            type: SOMEWHERE
        """;
    Api.Reply r = user().post("/api/v1/workflow-contracts", body(null, bad));
    assertThat(r.status()).isEqualTo(400);
    var violations = r.json().getJsonArray("violations").getValuesAs(JsonObject.class);
    assertThat(violations)
        .extracting(v -> v.getString("field"))
        .containsExactly(
            "spec.materials[1].type",
            "spec.materials[1].name",
            "spec.materials[2].name",
            "spec.runner.type");
    assertThat(violations.get(0).getString("message"))
        .contains("unknown material type \"NOPE\"")
        .contains("(line 9)");
    assertThat(violations.get(2).getString("message")).contains("duplicate");

    Api.Reply notYaml = user().post("/api/v1/workflow-contracts", body("x", "a: [unclosed"));
    assertThat(notYaml.status()).isEqualTo(400);
  }

  @Test
  void contractsInUseCannotBeDeleted() {
    user().post("/api/v1/workflow-contracts", body(null, V2));
    Api.Reply wf =
        user()
            .post(
                "/api/v1/workflows",
                "{\"name\":\"build\",\"project\":\"core\",\"contract\":\"build-contract\"}");
    assertThat(wf.status()).as(wf.toString()).isEqualTo(201);
    assertThat(wf.json().getString("contractName")).isEqualTo("build-contract");

    Api.Reply refused = user().delete("/api/v1/workflow-contracts/build-contract");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().getString("detail"))
        .isEqualTo("there are associated workflows with this contract, delete them first");

    user().delete("/api/v1/workflows/" + wf.json().getString("id"));
    assertThat(user().delete("/api/v1/workflow-contracts/build-contract").status()).isEqualTo(204);
    assertThat(user().get("/api/v1/workflow-contracts/build-contract").status()).isEqualTo(404);
  }

  @Test
  void workflowCreatedWithAContractBodyGetsThatContract() {
    Api.Reply wf =
        user()
            .post(
                "/api/v1/workflows",
                Json.createObjectBuilder()
                    .add("name", "build")
                    .add("project", "core")
                    .add("contractBody", V2)
                    .build()
                    .toString());
    assertThat(wf.status()).as(wf.toString()).isEqualTo(201);
    assertThat(wf.json().getString("contractName")).isEqualTo("build-contract");
  }

  @Test
  void applyCreatesUpdatesOrLeavesUnchanged() {
    String req = Json.createObjectBuilder().add("body", V2).build().toString();
    assertThat(user().post("/api/v1/workflow-contracts/apply", req).json().getString("status"))
        .isEqualTo("CREATED");
    assertThat(user().post("/api/v1/workflow-contracts/apply", req).json().getString("status"))
        .isEqualTo("UNCHANGED");
    String changed =
        Json.createObjectBuilder().add("body", V2.replace("sec", "ops")).build().toString();
    Api.Reply applied = user().post("/api/v1/workflow-contracts/apply", changed);
    assertThat(applied.json().getString("status")).isEqualTo("UPDATED");
    assertThat(applied.json().getJsonObject("contract").getInt("latestRevision")).isEqualTo(2);
  }
}
