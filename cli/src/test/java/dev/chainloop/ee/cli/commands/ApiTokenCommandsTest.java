package dev.chainloop.ee.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.cli.CliRunner;
import dev.chainloop.ee.cli.FakeControlPlane;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokenCommandsTest {
  static final String TOKEN_JSON =
      """
      {"id":"c2a8395c-c42e-41c2-bbf9-521dbe7955d5","name":"ci","description":"","scope":"project/core",
       "project":{"id":"p1","name":"core"},"permissions":["workflow:read"],"status":"active",
       "createdAt":"2026-03-03T11:06:00Z","expiresAt":null,"revokedAt":null,"lastUsedAt":null""";

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

  static String jwt(String claims) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
        + ".sig";
  }

  @Test
  void createRendersTheRowThenTheTokenOnce() {
    server.json("POST /api/v1/api-tokens", 201, TOKEN_JSON + ",\"token\":\"the.jwt.value\"}");

    CliRunner.Result r =
        cli.env("CHAINLOOP_TOKEN", "user.token").run("org", "token", "create", "--name", "ci");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            """
            ┌──────────────────────────────────────┬──────┬──────────────┬─────────────┬─────────────────────┬────────────┬────────────┬──────────────┐
            │ ID                                   │ NAME │ SCOPE        │ DESCRIPTION │ CREATED AT          │ EXPIRES AT │ REVOKED AT │ LAST USED AT │
            ├──────────────────────────────────────┼──────┼──────────────┼─────────────┼─────────────────────┼────────────┼────────────┼──────────────┤
            │ c2a8395c-c42e-41c2-bbf9-521dbe7955d5 │ ci   │ project/core │             │ 03 Mar 26 11:06 UTC │            │            │              │
            └──────────────────────────────────────┴──────┴──────────────┴─────────────┴─────────────────────┴────────────┴────────────┴──────────────┘

            Save the following token since it will not printed again:\s

             the.jwt.value

            """);
  }

  @Test
  void createSendsTheRequestWithHeadersAndWireDuration() {
    server.json("POST /api/v1/api-tokens", 201, TOKEN_JSON + ",\"token\":\"the.jwt.value\"}");

    CliRunner.Result r =
        cli.run(
            "org",
            "token",
            "create",
            "--name",
            "ci",
            "--expiration",
            "30d",
            "--project",
            "core",
            "--permission",
            "workflow:read",
            "--permission",
            "attestation:create",
            "--token",
            "tok",
            "-n",
            "acme",
            "-o",
            "token");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("the.jwt.value");
    assertThat(r.errLines()).containsExactly("INF API token provided to the command line");
    FakeControlPlane.Request req = server.lastRequest();
    assertThat(req.header("Authorization")).isEqualTo("Bearer tok");
    assertThat(req.header("Chainloop-Organization")).isEqualTo("acme");
    assertThat(req.header("Chainloop-Cli-Version")).isEqualTo("0.1.0");
    assertThat(req.body())
        .isEqualTo(
            "{\"name\":\"ci\",\"expiresIn\":\"720h\",\"project\":\"core\","
                + "\"permissions\":[\"workflow:read\",\"attestation:create\"]}");
  }

  @Test
  void createJsonIsOneIndentedObjectIncludingTheToken() {
    server.json(
        "POST /api/v1/api-tokens", 201, "{\"id\":\"i\",\"name\":\"ci\",\"token\":\"t.j.w\"}");

    CliRunner.Result r = cli.run("org", "api-token", "create", "--name", "ci", "-o", "json");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo("{\n   \"id\": \"i\",\n   \"name\": \"ci\",\n   \"token\": \"t.j.w\"\n}\n");
  }

  @Test
  void invalidDurationFailsBeforeAnyRequest() {
    CliRunner.Result r = cli.run("org", "token", "create", "--name", "ci", "--expiration", "0h");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).startsWith("ERR invalid duration \"0h\"");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void unknownOutputFormatIsRejected() {
    CliRunner.Result r = cli.run("org", "token", "list", "-o", "token");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("ERR format not implemented\n");
  }

  @Test
  void listShowsStatusColumnAndPassesFilters() {
    server.json(
        "GET /api/v1/api-tokens",
        200,
        "{\"items\":[" + TOKEN_JSON.replace("\"active\"", "\"expired\"") + "}]}");

    CliRunner.Result r = cli.run("org", "token", "ls", "--all", "-p", "core", "-s", "project");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEqualTo("WRN --all is deprecated, use --status all instead\n");
    assertThat(r.out().lines().toList().get(1)).endsWith("│ LAST USED AT │ STATUS  │");
    assertThat(r.out().lines().toList().get(3)).endsWith("│              │ expired │");
    assertThat(server.lastRequest().uri())
        .isEqualTo("/api/v1/api-tokens?status=all&project=core&scope=project&limit=100");
  }

  @Test
  void emptyListSaysSo() {
    server.json("GET /api/v1/api-tokens", 200, "{\"items\":[]}");
    CliRunner.Result r = cli.run("org", "token", "list");
    assertThat(r.out()).isEqualTo("there are no API tokens in this org\n");
  }

  @Test
  void revokeByNameFindsTheActiveToken() {
    server.json("GET /api/v1/api-tokens", 200, "{\"items\":[" + TOKEN_JSON + "}]}");
    server.json("DELETE /api/v1/api-tokens/c2a8395c-c42e-41c2-bbf9-521dbe7955d5", 204, "");

    CliRunner.Result r = cli.run("org", "token", "revoke", "--name", "ci");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEqualTo("INF API token revoked!\n");
    assertThat(server.requests())
        .extracting(FakeControlPlane.Request::method)
        .containsExactly("GET", "DELETE");
  }

  @Test
  void problemDetailIsPrintedAsOneLine() {
    server.problem(
        "DELETE /api/v1/api-tokens/c2a8395c-c42e-41c2-bbf9-521dbe7955d5",
        404,
        "API token not found");

    CliRunner.Result r =
        cli.run("org", "token", "revoke", "--id", "c2a8395c-c42e-41c2-bbf9-521dbe7955d5");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("ERR API token not found\n");
  }

  @Test
  void unauthorizedWithoutTokenAsksToLogIn() {
    server.problem("GET /api/v1/api-tokens", 401, "missing bearer token");
    CliRunner.Result r = cli.run("org", "token", "list");
    assertThat(r.err())
        .isEqualTo("ERR authentication required, please run \"chainloop auth login\"\n");
  }

  @Test
  void unauthorizedWithUserTokenAsksToLogInAgainUnlessRevoked() throws Exception {
    cli.run("config", "save");
    java.nio.file.Files.writeString(
        cli.configFile(),
        "\n[auth]\ntoken = \"old.user.jwt\"\n",
        java.nio.file.StandardOpenOption.APPEND);
    server.problem("GET /api/v1/api-tokens", 401, "token expired");
    assertThat(cli.run("org", "token", "list").err())
        .isEqualTo(
            "ERR your authentication token has expired or is invalid, please run \"chainloop auth login\" again\n");

    server.problem("GET /api/v1/api-tokens", 401, "this session was revoked by logout");
    assertThat(cli.run("org", "token", "list").err())
        .isEqualTo("ERR this session was revoked by logout\n");
    assertThat(server.lastRequest().header("Authorization")).isEqualTo("Bearer old.user.jwt");
  }

  @Test
  void unreachableServerIsOneLine() {
    CliRunner.Result r =
        new CliRunner(home).run("org", "token", "list", "--control-plane", "http://127.0.0.1:1");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "ERR cannot reach the control plane at http://127.0.0.1:1: connection refused\n");
  }

  @Test
  void warnsWhenTheApiTokenExpiresWithinAWeek() {
    server.json("GET /api/v1/api-tokens", 200, "{\"items\":[]}");
    long exp = Instant.now().plus(3, ChronoUnit.DAYS).getEpochSecond();

    CliRunner.Result r =
        cli.env("CHAINLOOP_TOKEN", jwt("{\"exp\":" + exp + "}")).run("org", "token", "list");

    assertThat(r.err()).isEqualTo("WRN the API token in use expires in 3 days\n");
  }

  @Test
  void noWarningForLongLivedTokens() {
    server.json("GET /api/v1/api-tokens", 200, "{\"items\":[]}");
    long exp = Instant.now().plus(30, ChronoUnit.DAYS).getEpochSecond();
    assertThat(
            cli.env("CHAINLOOP_TOKEN", jwt("{\"exp\":" + exp + "}"))
                .run("org", "token", "list")
                .err())
        .isEmpty();
  }
}
