package dev.chainloop.ee.it.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Attestations;
import dev.chainloop.ee.it.support.Fixtures;
import dev.chainloop.ee.shared.Sha256;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Z1, Z2, Z4 over every resource kind of organization B: another organization's owner and API token
 * get 404 for each of B's ids (never 200 or a 403 that would confirm the id exists); B's viewer
 * reads but gets 403 for every change; a token scoped to one of B's projects gets 404 for the other
 * project's objects and lists only its own.
 */
class AuthorizationMatrixIT {
  private static final String CONTRACT =
      "schemaVersion: v1\nmaterials:\n  - type: STRING\n    name: note\n";
  private static final Map<String, String> ids = new LinkedHashMap<>();
  private static Fixtures.Account b;
  private static String bToken;
  private static Fixtures.Account a;
  private static String aToken;
  private static Api viewer;
  private static Api projectToken;
  private static Api robotAccount;

  @BeforeAll
  static void setUp() {
    b = Fixtures.ownerWithOrg();
    bToken = Fixtures.apiToken(b);
    Api bApi = Api.withToken(bToken);
    ids.put("{tokenId}", bApi.get("/api/v1/api-tokens/self").json().getString("id"));
    ids.put(
        "{wf}",
        created(bApi.post("/api/v1/workflows", "{\"name\":\"build\",\"project\":\"core\"}"), 201)
            .getString("id"));
    ids.put(
        "{sideWf}",
        created(bApi.post("/api/v1/workflows", "{\"name\":\"lint\",\"project\":\"side\"}"), 201)
            .getString("id"));
    ids.put(
        "{contract}",
        created(
                b.api()
                    .post(
                        "/api/v1/workflow-contracts",
                        Json.createObjectBuilder()
                            .add("name", Fixtures.uniqueName("secret-contract"))
                            .add("body", CONTRACT)
                            .build()
                            .toString()),
                201)
            .getString("name"));
    String run = init(bApi, "build", "core", "v1");
    byte[] bundle = Attestations.bundle(run, "matrix");
    Api.Reply pushed =
        bApi.send(
            "POST",
            Attestations.storePath(run),
            new String(bundle, StandardCharsets.UTF_8),
            "application/json");
    assertThat(pushed.status()).as(pushed.toString()).isEqualTo(200);
    ids.put("{run}", run);
    ids.put("{digest}", pushed.json().getString("digest"));
    ids.put("{openRun}", init(bApi, "build", "core", "v1"));
    ids.put("{sideRun}", init(bApi, "lint", "side", "s1"));
    byte[] artifact = Fixtures.uniqueName("artifact").getBytes(StandardCharsets.UTF_8);
    ids.put("{artifact}", Sha256.prefixed(artifact));
    Api.Reply uploaded =
        bApi.send(
            "PUT",
            "/api/v1/artifacts/" + ids.get("{artifact}"),
            new String(artifact, StandardCharsets.UTF_8),
            "application/octet-stream");
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    JsonObject robot =
        created(
            b.api()
                .post(
                    "/api/v1/workflows/" + ids.get("{wf}") + "/robot-accounts",
                    "{\"name\":\"deployer\"}"),
            201);
    ids.put("{robot}", robot.getString("id"));
    robotAccount = Api.withToken(robot.getString("key"));
    ids.put(
        "{member}",
        b.api()
            .get("/api/v1/members")
            .json()
            .getJsonArray("items")
            .getJsonObject(0)
            .getString("id"));
    ids.put(
        "{invitation}",
        created(
                b.api()
                    .post(
                        "/api/v1/invitations",
                        "{\"receiver\":\""
                            + Fixtures.uniqueName("nobody")
                            + "@example.com\",\"role\":\"viewer\"}"),
                201)
            .getString("id"));
    ids.put("{org}", b.org());

    String viewerEmail = Fixtures.uniqueName("viewer") + "@example.com";
    created(
        b.api()
            .post(
                "/api/v1/invitations",
                "{\"receiver\":\"" + viewerEmail + "\",\"role\":\"viewer\"}"),
        201);
    viewer =
        Api.withToken(Fixtures.signupAndLogin(viewerEmail))
            .header("Chainloop-Organization", b.org());

    projectToken =
        Api.withToken(
            Fixtures.apiToken(
                b, "{\"name\":\"" + Fixtures.uniqueName("core") + "\",\"project\":\"core\"}"));

    a = Fixtures.ownerWithOrg();
    aToken = Fixtures.apiToken(a);
  }

  private static JsonObject created(Api.Reply reply, int status) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    return reply.json();
  }

  private static String init(Api api, String workflow, String project, String version) {
    return created(
            api.post(
                "/api/v1/attestations/init",
                "{\"workflow\":\""
                    + workflow
                    + "\",\"project\":\""
                    + project
                    + "\",\"version\":\""
                    + version
                    + "\"}"),
            200)
        .getString("attestationId");
  }

  private static String fill(String template) {
    String s = template;
    for (var e : ids.entrySet()) {
      s = s.replace(e.getKey(), e.getValue());
    }
    return s;
  }

  private static Api.Reply send(Api api, String method, String path, String body) {
    String filled = fill(path);
    if (body != null && body.equals("BUNDLE")) {
      String run = ids.get("{openRun}");
      return api.send(
          method,
          Attestations.storePath(run),
          new String(Attestations.bundle(run, "foreign"), StandardCharsets.UTF_8),
          "application/json");
    }
    return api.send(
        method, filled, body == null ? null : fill(body), body == null ? null : "application/json");
  }

  /** Every id of B, read or changed by another organization: method, path, body, token too. */
  static Stream<Arguments> foreignIds() {
    return Stream.of(
        Arguments.of("GET", "/api/v1/workflows/{wf}", null, true),
        Arguments.of("PATCH", "/api/v1/workflows/{wf}", "{\"description\":\"taken\"}", false),
        Arguments.of("DELETE", "/api/v1/workflows/{wf}", null, false),
        Arguments.of("GET", "/api/v1/workflows/{wf}/robot-accounts", null, true),
        Arguments.of(
            "POST", "/api/v1/workflows/{wf}/robot-accounts", "{\"name\":\"intruder\"}", false),
        Arguments.of("DELETE", "/api/v1/robot-accounts/{robot}", null, false),
        Arguments.of("GET", "/api/v1/workflow-runs/{run}", null, true),
        Arguments.of("GET", "/api/v1/workflow-runs/by-digest/{digest}", null, true),
        Arguments.of("GET", "/api/v1/workflow-runs?digest={digest}", null, true),
        Arguments.of("GET", "/api/v1/discover/{digest}", null, true),
        Arguments.of("POST", "/api/v1/attestations/{openRun}/store", "BUNDLE", true),
        Arguments.of(
            "POST",
            "/api/v1/attestations/{openRun}/cancel",
            "{\"trigger\":\"cancellation\"}",
            true),
        Arguments.of("GET", "/api/v1/attestations/{openRun}/state", null, true),
        Arguments.of("PUT", "/api/v1/attestations/{openRun}/state", "{\"state\":\"e30=\"}", true),
        Arguments.of("GET", "/api/v1/artifacts/{artifact}", null, true),
        Arguments.of("GET", "/api/v1/workflow-contracts/{contract}", null, true),
        Arguments.of(
            "PATCH", "/api/v1/workflow-contracts/{contract}", "{\"description\":\"taken\"}", false),
        Arguments.of("DELETE", "/api/v1/workflow-contracts/{contract}", null, false),
        Arguments.of("GET", "/api/v1/projects/core/versions", null, true),
        Arguments.of("GET", "/api/v1/projects/core/versions/v1", null, true),
        Arguments.of("DELETE", "/api/v1/api-tokens/{tokenId}", null, false),
        Arguments.of("PATCH", "/api/v1/members/{member}", "{\"role\":\"viewer\"}", false),
        Arguments.of("DELETE", "/api/v1/members/{member}", null, false),
        Arguments.of("DELETE", "/api/v1/invitations/{invitation}", null, false),
        Arguments.of(
            "PATCH", "/api/v1/organizations/{org}", "{\"blockOnPolicyViolation\":true}", false),
        Arguments.of("DELETE", "/api/v1/organizations/{org}", null, false));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("foreignIds")
  void anotherOrganizationsIdsAreNotFound(
      String method, String path, String body, boolean tokenToo) {
    Api.Reply asOwner = send(a.api(), method, path, body);
    assertThat(asOwner.status()).as("A's owner: " + asOwner).isEqualTo(404);
    if (tokenToo) {
      Api.Reply asToken = send(Api.withToken(aToken), method, path, body);
      assertThat(asToken.status()).as("A's API token: " + asToken).isEqualTo(404);
    }
  }

  /** After every foreign attempt (whatever order they ran in), B's objects are as B left them. */
  @Test
  void organizationBIsUntouchedByForeignAttempts() {
    for (var args : foreignIds().toList()) {
      Object[] p = args.get();
      send(a.api(), (String) p[0], (String) p[1], (String) p[2]);
    }
    Api bApi = Api.withToken(bToken);
    assertThat(bApi.get("/api/v1/context").status()).isEqualTo(200);
    assertThat(bApi.get(fill("/api/v1/workflows/{wf}")).json().getString("description", ""))
        .isNotEqualTo("taken");
    assertThat(
            bApi.get(fill("/api/v1/workflow-runs/{openRun}"))
                .json()
                .getJsonObject("run")
                .getString("state"))
        .isEqualTo("initialized");
    Api.Reply state = bApi.get(fill("/api/v1/attestations/{openRun}/state"));
    assertThat(state.status()).as(state.toString()).isEqualTo(200);
    assertThat(state.json().getString("state", null)).as("no state was saved").isNull();
    assertThat(b.api().get(fill("/api/v1/workflow-contracts/{contract}")).status()).isEqualTo(200);
    assertThat(
            b.api()
                .get("/api/v1/members")
                .json()
                .getJsonArray("items")
                .getJsonObject(0)
                .getString("role"))
        .isEqualTo("owner");
    assertThat(b.api().get("/api/v1/invitations").body()).contains(ids.get("{invitation}"));
    assertThat(b.api().get(fill("/api/v1/workflows/{wf}/robot-accounts")).body())
        .contains(ids.get("{robot}"));
  }

  @Test
  void aForeignOrganizationHeaderIsNotFound() {
    assertThat(a.api().header("Chainloop-Organization", b.org()).get("/api/v1/workflows").status())
        .isEqualTo(404);
  }

  /** Every change a member can ask for: B's viewer is refused each with 403. */
  static Stream<Arguments> changes() {
    return Stream.of(
        Arguments.of(
            "POST", "/api/v1/workflows", "{\"name\":\"viewer-made\",\"project\":\"core\"}"),
        Arguments.of("PATCH", "/api/v1/workflows/{wf}", "{\"description\":\"viewer\"}"),
        Arguments.of("DELETE", "/api/v1/workflows/{wf}", null),
        Arguments.of("POST", "/api/v1/workflows/{wf}/robot-accounts", "{\"name\":\"viewer\"}"),
        Arguments.of("DELETE", "/api/v1/robot-accounts/{robot}", null),
        Arguments.of(
            "POST", "/api/v1/attestations/init", "{\"workflow\":\"build\",\"project\":\"core\"}"),
        Arguments.of(
            "POST", "/api/v1/attestations/{openRun}/cancel", "{\"trigger\":\"cancellation\"}"),
        Arguments.of(
            "POST",
            "/api/v1/workflow-contracts",
            "{\"name\":\"viewer-contract\",\"body\":\"" + CONTRACT.replace("\n", "\\n") + "\"}"),
        Arguments.of(
            "PATCH", "/api/v1/workflow-contracts/{contract}", "{\"description\":\"viewer\"}"),
        Arguments.of("DELETE", "/api/v1/workflow-contracts/{contract}", null),
        Arguments.of("POST", "/api/v1/api-tokens", "{\"name\":\"viewer-token\"}"),
        Arguments.of("DELETE", "/api/v1/api-tokens/{tokenId}", null),
        Arguments.of(
            "POST", "/api/v1/invitations", "{\"receiver\":\"v@example.com\",\"role\":\"admin\"}"),
        Arguments.of("DELETE", "/api/v1/invitations/{invitation}", null),
        Arguments.of("PATCH", "/api/v1/members/{member}", "{\"role\":\"viewer\"}"),
        Arguments.of("DELETE", "/api/v1/members/{member}", null),
        Arguments.of("PATCH", "/api/v1/organizations/{org}", "{\"blockOnPolicyViolation\":true}"),
        Arguments.of("DELETE", "/api/v1/organizations/{org}", null));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("changes")
  void viewersReadButCannotChangeAnything(String method, String path, String body) {
    assertThat(viewer.get(fill("/api/v1/workflows/{wf}")).status()).isEqualTo(200);
    Api.Reply refused = send(viewer, method, path, body);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
  }

  /** What a token scoped to project core may not see of project side. */
  static Stream<Arguments> otherProject() {
    return Stream.of(
        Arguments.of("/api/v1/workflows/{sideWf}"),
        Arguments.of("/api/v1/workflows/{sideWf}/robot-accounts"),
        Arguments.of("/api/v1/workflow-runs/{sideRun}"),
        Arguments.of("/api/v1/attestations/{sideRun}/state"),
        Arguments.of("/api/v1/projects/side/versions"),
        Arguments.of("/api/v1/projects/side/versions/s1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("otherProject")
  void projectScopedTokensGetNotFoundForAnotherProject(String path) {
    Api.Reply reply = projectToken.get(fill(path));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
  }

  @Test
  void projectScopedTokensListOnlyTheirProject() {
    assertThat(projectToken.get(fill("/api/v1/workflows/{wf}")).status()).isEqualTo(200);
    for (String list :
        new String[] {"/api/v1/workflows", "/api/v1/workflow-runs", "/api/v1/projects"}) {
      Api.Reply reply = projectToken.get(list);
      assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
      var items = reply.json().getJsonArray("items");
      assertThat(items).as(list).isNotEmpty();
      for (var item : items) {
        JsonObject o = item.asJsonObject();
        String project =
            switch (list) {
              case "/api/v1/workflows" -> o.getString("project");
              case "/api/v1/workflow-runs" -> o.getJsonObject("workflow").getString("project");
              default -> o.getString("name");
            };
        assertThat(project).as(list + " " + o).isEqualTo("core");
      }
    }
  }

  /**
   * Token and member management, refused to B's project-scoped token (403, or 404 for a token it
   * cannot see) and robot account (401: not a credential these operations take).
   */
  static Stream<Arguments> management() {
    return Stream.of(
        Arguments.of("GET", "/api/v1/members", null, 403),
        Arguments.of("PATCH", "/api/v1/members/{member}", "{\"role\":\"viewer\"}", 403),
        Arguments.of("DELETE", "/api/v1/members/{member}", null, 403),
        Arguments.of(
            "POST",
            "/api/v1/invitations",
            "{\"receiver\":\"t@example.com\",\"role\":\"admin\"}",
            403),
        Arguments.of("DELETE", "/api/v1/invitations/{invitation}", null, 403),
        Arguments.of(
            "POST", "/api/v1/api-tokens", "{\"name\":\"minted\",\"project\":\"side\"}", 403),
        // A project token cannot see organization-level tokens at all: to it, B's is unknown.
        Arguments.of("DELETE", "/api/v1/api-tokens/{tokenId}", null, 404),
        Arguments.of("POST", "/api/v1/workflows/{wf}/robot-accounts", "{\"name\":\"minted\"}", 403),
        Arguments.of("DELETE", "/api/v1/robot-accounts/{robot}", null, 403));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("management")
  void projectTokensAndRobotAccountsCannotManageTokensOrMembers(
      String method, String path, String body, int forProjectToken) {
    Api.Reply asProjectToken = send(projectToken, method, path, body);
    assertThat(asProjectToken.status())
        .as("project token: " + asProjectToken)
        .isEqualTo(forProjectToken);
    // A robot account is a credential of another kind for these operations (as a user token is
    // for token-only ones): refused before any lookup, with 401.
    Api.Reply asRobot = send(robotAccount, method, path, body);
    assertThat(asRobot.status()).as("robot account: " + asRobot).isEqualTo(401);
    assertThat(asRobot.json().getString("detail"))
        .contains("does not accept a robot account credential");
  }

  /** An admin manages the organization's contents but only an owner deletes the organization. */
  @Test
  void adminsChangeWhatViewersCannotButOnlyOwnersDeleteTheOrganization() {
    Fixtures.Account org = Fixtures.ownerWithOrg();
    String adminEmail = Fixtures.uniqueName("admin") + "@example.com";
    created(
        org.api()
            .post(
                "/api/v1/invitations", "{\"receiver\":\"" + adminEmail + "\",\"role\":\"admin\"}"),
        201);
    Api admin =
        Api.withToken(Fixtures.signupAndLogin(adminEmail))
            .header("Chainloop-Organization", org.org());
    String wf =
        created(
                admin.post("/api/v1/workflows", "{\"name\":\"by-admin\",\"project\":\"core\"}"),
                201)
            .getString("id");
    Api.Reply updated = admin.patch("/api/v1/workflows/" + wf, "{\"description\":\"admin\"}");
    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    created(admin.post("/api/v1/api-tokens", "{\"name\":\"by-admin\"}"), 201);
    Api.Reply deleted = admin.delete("/api/v1/organizations/" + org.org());
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(403);
    assertThat(org.api().get("/api/v1/organizations/current").status()).isEqualTo(200);
    assertThat(org.api().delete("/api/v1/organizations/" + org.org()).status()).isEqualTo(204);
  }
}
