package dev.chainloop.ee.it.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Fixtures;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class WorkflowIT {
  private final Fixtures.Account owner = Fixtures.ownerWithOrg();

  private Api user() {
    return owner.api().header("Chainloop-Organization", owner.org());
  }

  private static JsonObject create(Api api, String name, String project) {
    Api.Reply r =
        api.post(
            "/api/v1/workflows",
            "{\"name\":\"" + name + "\",\"project\":\"" + project + "\",\"team\":\"sec\"}");
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  @Test
  void createdWorkflowGetsItsProjectAndDefaultContract() {
    JsonObject wf = create(user(), "build", "core");
    assertThat(wf.getString("name")).isEqualTo("build");
    assertThat(wf.getString("project")).isEqualTo("core");
    assertThat(wf.getString("team")).isEqualTo("sec");
    assertThat(wf.getString("contractName")).isEqualTo("core-build");
    assertThat(wf.getInt("contractRevisionLatest")).isEqualTo(1);
    assertThat(wf.getInt("runsCount")).isZero();
    assertThat(wf.containsKey("robotAccountKey")).isFalse();

    Api.Reply contract = user().get("/api/v1/workflow-contracts/core-build");
    assertThat(contract.status()).isEqualTo(200);
    assertThat(contract.json().getJsonObject("revision").getString("rawBody"))
        .isEqualTo(
            "apiVersion: chainloop.dev/v1\nkind: Contract\nmetadata:\n  name: core-build\nspec: {}\n");
    assertThat(contract.json().getJsonArray("workflows").getString(0)).isEqualTo("core/build");

    Api.Reply projects = user().get("/api/v1/projects");
    assertThat(projects.json().getJsonArray("items").getJsonObject(0).getString("name"))
        .isEqualTo("core");
    assertThat(projects.json().getJsonArray("items").getJsonObject(0).getInt("workflowsCount"))
        .isEqualTo(1);

    Api.Reply byId = user().get("/api/v1/workflows/" + wf.getString("id"));
    assertThat(byId.json().getString("name")).isEqualTo("build");
    Api.Reply byName = user().get("/api/v1/workflows/by-name/build?project=core");
    assertThat(byName.json().getString("id")).isEqualTo(wf.getString("id"));
    assertThat(user().get("/api/v1/workflows/by-name/build").status()).isEqualTo(200);
  }

  @Test
  void namesAreUniquePerProjectAmongLiveWorkflows() {
    JsonObject first = create(user(), "build", "core");
    Api.Reply again = user().post("/api/v1/workflows", "{\"name\":\"build\",\"project\":\"core\"}");
    assertThat(again.status()).isEqualTo(409);
    create(user(), "build", "other");

    Api.Reply ambiguous = user().get("/api/v1/workflows/by-name/build");
    assertThat(ambiguous.status()).isEqualTo(400);
    assertThat(ambiguous.json().getString("detail")).contains("several projects (core, other)");

    assertThat(user().delete("/api/v1/workflows/" + first.getString("id")).status()).isEqualTo(204);
    assertThat(user().get("/api/v1/workflows/" + first.getString("id")).status()).isEqualTo(404);
    create(user(), "build", "core");
  }

  @Test
  void invalidNamesAreRefused() {
    Api.Reply bad =
        user().post("/api/v1/workflows", "{\"name\":\"Bad_Name\",\"project\":\"core\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getJsonArray("violations").getJsonObject(0).getString("field"))
        .isEqualTo("name");
  }

  @Test
  void listIsPagedAndFilteredByProject() {
    for (int i = 0; i < 3; i++) {
      create(user(), "wf-" + i, "core");
    }
    create(user(), "wf-x", "other");
    Api.Reply page = user().get("/api/v1/workflows?page=1&limit=2");
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(page.json().getJsonArray("items")).hasSize(2);
    assertThat(page.json().getInt("totalCount")).isEqualTo(4);
    assertThat(page.json().getInt("totalPages")).isEqualTo(2);
    assertThat(page.json().getInt("page")).isEqualTo(1);
    Api.Reply core = user().get("/api/v1/workflows?project=core");
    assertThat(core.json().getInt("totalCount")).isEqualTo(3);
    assertThat(user().get("/api/v1/workflows?limit=1000").status()).isEqualTo(400);
  }

  @Test
  void updateChangesDescriptionTeamAndContract() {
    JsonObject wf = create(user(), "build", "core");
    assertThat(
            user()
                .post(
                    "/api/v1/workflow-contracts",
                    "{\"name\":\"strict\",\"body\":\"schemaVersion: v1\\nmaterials: []\\n\"}")
                .status())
        .isEqualTo(201);
    Api.Reply updated =
        user()
            .patch(
                "/api/v1/workflows/" + wf.getString("id"),
                "{\"description\":\"new\",\"team\":\"\",\"contract\":\"strict\"}");
    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(updated.json().getString("description")).isEqualTo("new");
    assertThat(updated.json().containsKey("team")).isFalse();
    assertThat(updated.json().getString("contractName")).isEqualTo("strict");
  }

  @Test
  void apiTokensCreateButCannotUpdateOrDeleteWorkflows() {
    Api token = Api.withToken(Fixtures.apiToken(owner));
    Api.Reply created = token.post("/api/v1/workflows", "{\"name\":\"ci\",\"project\":\"core\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().getString("id");
    assertThat(token.delete("/api/v1/workflows/" + id).status()).isEqualTo(403);
    assertThat(token.patch("/api/v1/workflows/" + id, "{\"description\":\"x\"}").status())
        .isEqualTo(403);
    assertThat(token.delete("/api/v1/workflow-contracts/core-ci").status()).isEqualTo(403);
    assertThat(token.get("/api/v1/workflows/" + id).status()).isEqualTo(200);
  }

  @Test
  void projectScopedTokensSeeOnlyTheirProject() {
    String mine = create(user(), "build", "core").getString("id");
    String theirs = create(user(), "build", "other").getString("id");
    Api token =
        Api.withToken(
            Fixtures.apiToken(
                owner, "{\"name\":\"" + Fixtures.uniqueName("p") + "\",\"project\":\"core\"}"));
    assertThat(token.get("/api/v1/workflows/" + mine).status()).isEqualTo(200);
    assertThat(token.get("/api/v1/workflows/" + theirs).status()).isEqualTo(404);
    assertThat(token.get("/api/v1/workflows").json().getInt("totalCount")).isEqualTo(1);
    assertThat(token.get("/api/v1/workflows/by-name/build").json().getString("id")).isEqualTo(mine);
    assertThat(token.get("/api/v1/workflows/by-name/build?project=other").status()).isEqualTo(404);
    assertThat(token.get("/api/v1/projects").json().getJsonArray("items")).hasSize(1);
  }

  @Test
  void anotherOrganizationsIdsAreNotFound() {
    String id = create(user(), "build", "core").getString("id");
    Fixtures.Account other = Fixtures.ownerWithOrg();
    Api stranger = other.api().header("Chainloop-Organization", other.org());
    assertThat(stranger.get("/api/v1/workflows/" + id).status()).isEqualTo(404);
    assertThat(stranger.delete("/api/v1/workflows/" + id).status()).isEqualTo(404);
    assertThat(stranger.get("/api/v1/workflow-contracts/core-build").status()).isEqualTo(404);
    assertThat(stranger.get("/api/v1/workflows").json().getInt("totalCount")).isZero();
  }

  @Test
  void robotAccountsAreCreatedListedAndRevoked() {
    Api.Reply created =
        user()
            .post(
                "/api/v1/workflows",
                "{\"name\":\"legacy\",\"project\":\"core\",\"createRobotAccount\":true}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().getString("robotAccountKey")).isNotBlank();
    String id = created.json().getString("id");

    Api.Reply extra =
        user().post("/api/v1/workflows/" + id + "/robot-accounts", "{\"name\":\"deployer\"}");
    assertThat(extra.status()).as(extra.toString()).isEqualTo(201);
    assertThat(extra.json().getString("key")).isNotBlank();
    assertThat(extra.json().getString("workflowId")).isEqualTo(id);

    Api.Reply list = user().get("/api/v1/workflows/" + id + "/robot-accounts");
    assertThat(list.json().getJsonArray("items")).hasSize(2);

    Api robot = Api.withToken(extra.json().getString("key"));
    assertThat(robot.get("/api/v1/status").status()).isEqualTo(200);
    assertThat(user().delete("/api/v1/robot-accounts/" + extra.json().getString("id")).status())
        .isEqualTo(204);
    assertThat(
            user().get("/api/v1/workflows/" + id + "/robot-accounts").json().getJsonArray("items"))
        .hasSize(1);
    assertThat(
            user()
                .get("/api/v1/workflows/" + id + "/robot-accounts?all=true")
                .json()
                .getJsonArray("items"))
        .hasSize(2);
    assertThat(robot.get("/api/v1/status").status()).isEqualTo(401);
  }
}
