package dev.chainloop.ee.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.cli.CliRunner;
import dev.chainloop.ee.cli.FakeControlPlane;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrganizationAndAuthCommandsTest {
  @TempDir Path home;
  FakeControlPlane server;
  CliRunner cli;

  @BeforeEach
  void setUp() throws Exception {
    server = new FakeControlPlane();
    cli = new CliRunner(home).env("CHAINLOOP_CONTROL_PLANE_API", server.url());
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  @Test
  void loginStoresTheTokenAndLogoutRemovesIt() throws Exception {
    server.json(
        "POST /api/v1/auth/login",
        200,
        "{\"token\":\"user.jwt\",\"expiresAt\":\"2030-01-01T00:00:00Z\"}");
    server.json("POST /api/v1/auth/logout", 204, "");

    CliRunner.Result login =
        cli.stdin("s3cret\n").run("auth", "login", "--email", "jane@acme.io", "--password-stdin");

    assertThat(login.code()).as(login.err()).isZero();
    assertThat(login.err()).isEqualTo("INF login successful!\n");
    assertThat(server.lastRequest().body())
        .isEqualTo("{\"email\":\"jane@acme.io\",\"password\":\"s3cret\"}");
    assertThat(Files.readString(cli.configFile())).contains("[auth]\ntoken = \"user.jwt\"");

    CliRunner.Result logout = cli.run("auth", "logout");
    assertThat(logout.err()).isEqualTo("INF logged out\n");
    assertThat(server.lastRequest().header("Authorization")).isEqualTo("Bearer user.jwt");
    assertThat(Files.readString(cli.configFile())).doesNotContain("user.jwt");
  }

  @Test
  void badCredentialsShowTheServerDetail() {
    server.problem("POST /api/v1/auth/login", 401, "invalid email or password");
    CliRunner.Result r =
        cli.stdin("nope\n").run("auth", "login", "--email", "a@b.c", "--password-stdin");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("ERR invalid email or password\n");
  }

  @Test
  void orgListTableAndEmptyMessage() {
    server.json(
        "GET /api/v1/memberships",
        200,
        "{\"items\":[{\"id\":\"m1\",\"organization\":{\"id\":\"o1\",\"name\":\"acme\"},\"role\":\"owner\","
            + "\"current\":true,\"default\":false,\"joinedAt\":\"2024-05-13T11:08:00Z\"}]}");
    assertThat(cli.run("org", "ls").out())
        .isEqualTo(
            """
            ┌──────┬─────────┬─────────┬───────┬─────────────────────┐
            │ NAME │ CURRENT │ DEFAULT │ ROLE  │ JOINED AT           │
            ├──────┼─────────┼─────────┼───────┼─────────────────────┤
            │ acme │ true    │ false   │ owner │ 13 May 24 11:08 UTC │
            └──────┴─────────┴─────────┴───────┴─────────────────────┘
            """);

    server.json("GET /api/v1/memberships", 200, "{\"items\":[]}");
    assertThat(cli.run("org", "list").out())
        .isEqualTo(
            "you are not part of any organization, please run \"chainloop organization create --name ORG_NAME\""
                + " to create one\n");
  }

  @Test
  void orgSetWritesTheLocalOrgAndOptionallyTheDefault() throws Exception {
    server.json(
        "GET /api/v1/memberships",
        200,
        "{\"items\":[{\"id\":\"m1\",\"organization\":{\"id\":\"o1\",\"name\":\"acme\"},\"role\":\"owner\"}]}");
    server.json("PUT /api/v1/memberships/m1/default", 204, "");

    CliRunner.Result r = cli.run("org", "set", "--name", "acme", "--default");

    assertThat(r.err()).isEqualTo("INF Organization switched!\n");
    assertThat(Files.readString(cli.configFile())).contains("organization = \"acme\"");
    assertThat(server.lastRequest().method()).isEqualTo("PUT");
    assertThat(cli.run("org", "set", "--name", "other").err())
        .isEqualTo("ERR you are not a member of the organization \"other\"\n");
  }

  @Test
  void deleteAsksForConfirmationUnlessYes() {
    server.json("DELETE /api/v1/organizations/acme", 204, "");

    CliRunner.Result declined = cli.stdin("n\n").run("org", "delete", "--name", "acme");
    assertThat(declined.code()).isZero();
    assertThat(server.requests()).isEmpty();

    CliRunner.Result confirmed = cli.run("org", "delete", "--name", "acme", "-y");
    assertThat(confirmed.err()).isEqualTo("INF Organization \"acme\" deleted!\n");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void describeShowsTheCurrentContext() {
    server.json(
        "GET /api/v1/context",
        200,
        "{\"user\":{\"id\":\"u\",\"email\":\"jane@acme.io\"},\"apiToken\":null,"
            + "\"organization\":{\"id\":\"o\",\"name\":\"acme\",\"role\":\"owner\"}}");
    assertThat(cli.run("org", "current-context").out())
        .isEqualTo(
            """
            ┌──────────────────────────────────┐
            │ Current Context                  │
            ├──────────────┬───────────────────┤
            │ Logged in as │ jane@acme.io      │
            │ Organization │ acme (role=owner) │
            └──────────────┴───────────────────┘
            """);
  }

  @Test
  void memberListReportsPaging() {
    server.json(
        "GET /api/v1/members",
        200,
        "{\"items\":[{\"id\":\"m1\",\"user\":{\"email\":\"a@acme.io\"},\"role\":\"viewer\","
            + "\"joinedAt\":\"2024-05-13T11:08:00Z\"}],\"page\":2,\"pageSize\":1,\"totalCount\":3,\"totalPages\":3}");

    CliRunner.Result r =
        cli.run("org", "member", "ls", "--page", "2", "--limit", "1", "--role", "viewer");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("│ m1 │ a@acme.io │ viewer │ 13 May 24 11:08 UTC │");
    assertThat(r.errLines())
        .containsExactly("INF Showing [2-2] out of 3", "INF Next page available: 3");
    assertThat(server.lastRequest().uri()).isEqualTo("/api/v1/members?role=viewer&page=2&limit=1");
  }

  @Test
  void invitationListEmptyAndInvalidRole() {
    server.json("GET /api/v1/invitations", 200, "{\"items\":[]}");
    assertThat(cli.run("org", "member", "invite", "ls").out())
        .isEqualTo("there are no sent invitations\n");
    assertThat(
            cli.run("org", "member", "invitation", "create", "--receiver", "a@b.c", "--role", "god")
                .err())
        .startsWith("ERR invalid role \"god\"");
  }
}
