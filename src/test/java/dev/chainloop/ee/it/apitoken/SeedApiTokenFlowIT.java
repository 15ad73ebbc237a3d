package dev.chainloop.ee.it.apitoken;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Cli;
import dev.chainloop.ee.it.support.Fixtures;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The seed's API-token story, run with the real CLI: in-process and through the launcher script.
 */
class SeedApiTokenFlowIT {
  private static Cli loggedInOwner() {
    Cli cli = Cli.loggedInAs(Fixtures.uniqueName("seed") + "@example.com");
    cli.run("organization", "create", "--name", Fixtures.uniqueName("seed-org")).ok();
    return cli;
  }

  @Test
  void tokenWorksWithFlagAndEnvShowsLastUseAndDiesWhenRevoked() {
    Cli owner = loggedInOwner();
    Cli.Result created =
        owner.run("organization", "api-token", "create", "--name", "seed-ci", "-o", "token").ok();
    String token = created.stdout();
    assertThat(token).doesNotEndWith("\n").matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");

    Cli pipeline = new Cli();
    Cli.Result withFlag = pipeline.run("workflow", "list", "--token", token).ok();
    assertThat(withFlag.stderr()).contains("INF API token provided to the command line");
    Cli.Result withEnv = new Cli().env("CHAINLOOP_TOKEN", token).run("workflow", "list").ok();
    assertThat(withEnv.stderr()).doesNotContain("provided to the command line");

    Cli.Result list = owner.run("organization", "token", "list").ok();
    String row = list.stdout().lines().filter(l -> l.contains("seed-ci")).findFirst().orElseThrow();
    assertThat(row)
        .matches(
            ".*\\d\\d [A-Z][a-z]{2} \\d\\d \\d\\d:\\d\\d UTC.*\\d\\d [A-Z][a-z]{2} \\d\\d \\d\\d:\\d\\d UTC.*active.*");
    assertThat(list.stdout()).contains("LAST USED AT").doesNotContain(token);

    owner.run("organization", "api-token", "revoke", "--name", "seed-ci").ok();
    Cli.Result rejected = new Cli().run("workflow", "list", "--token", token);
    assertThat(rejected.exitCode()).isNotZero();
    assertThat(rejected.stderr().lines().filter(l -> l.startsWith("ERR")).toList())
        .singleElement()
        .asString()
        .contains("revoked");
  }

  @Test
  void listFiltersByStatusAndTheDeprecatedAllStillWorks() {
    Cli owner = loggedInOwner();
    owner.run("organization", "api-token", "create", "--name", "keep").ok();
    owner.run("organization", "api-token", "create", "--name", "gone").ok();
    owner.run("organization", "api-token", "revoke", "--name", "gone").ok();
    assertThat(owner.run("org", "token", "list").ok().stdout())
        .contains("keep")
        .doesNotContain("gone");
    assertThat(owner.run("org", "token", "list", "--status", "revoked").ok().stdout())
        .contains("gone")
        .doesNotContain("keep");
    Cli.Result all = owner.run("org", "token", "ls", "--all").ok();
    assertThat(all.stdout()).contains("gone").contains("keep");
    assertThat(all.stderr()).contains("--all is deprecated, use --status all instead");
    Cli.Result json = owner.run("org", "token", "list", "-o", "json").ok();
    assertThat(json.stdout()).contains("\"name\": \"keep\"");
  }

  /**
   * The API answers at most 100 tokens a page: past that the CLI follows the cursor, so the list is
   * whole and revoke by name finds a token created after the first hundred.
   */
  @Test
  void listShowsEveryTokenPastTheFirstHundredAndRevokeFindsTheNewest() {
    Cli owner = loggedInOwner();
    for (int i = 1; i <= 102; i++) {
      owner.run("organization", "api-token", "create", "--name", "bulk-" + i).ok();
    }
    String json = owner.run("org", "token", "list", "-o", "json").ok().stdout();
    List<String> names =
        Json.createReader(new StringReader(json)).readArray().stream()
            .map(v -> v.asJsonObject().getString("name"))
            .toList();
    assertThat(names).hasSize(102).doesNotHaveDuplicates().contains("bulk-1", "bulk-102");
    owner.run("org", "api-token", "revoke", "--name", "bulk-102").ok();
    assertThat(owner.run("org", "token", "list", "--status", "revoked").ok().stdout())
        .contains("bulk-102");
  }

  /** Walking the pages with a small limit visits each token once, oldest first. */
  @Test
  void theCursorVisitsEveryTokenOnceInCreationOrder() {
    Fixtures.Account account = Fixtures.ownerWithOrg();
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      String name = "page-" + i;
      Fixtures.apiToken(account, "{\"name\":\"" + name + "\"}");
      created.add(name);
    }
    Api org = account.api().header("Chainloop-Organization", account.org());
    List<String> seen = new ArrayList<>();
    String next = "";
    int pages = 0;
    do {
      Api.Reply reply =
          org.get("/api/v1/api-tokens?limit=3" + (next.isEmpty() ? "" : "&next=" + next));
      assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
      JsonObject page = reply.json();
      page.getJsonArray("items").forEach(t -> seen.add(t.asJsonObject().getString("name")));
      next =
          page.containsKey("nextCursor") && page.get("nextCursor") != JsonValue.NULL
              ? page.getString("nextCursor")
              : "";
      pages++;
    } while (!next.isEmpty());
    assertThat(seen).containsExactlyElementsOf(created);
    assertThat(pages).isEqualTo(3);
    Api.Reply forged = org.get("/api/v1/api-tokens?next=bm90LWEtY3Vyc29y");
    assertThat(forged.status()).as(forged.toString()).isEqualTo(400);
    assertThat(forged.body()).contains("next");
  }

  @Test
  void warnsWhenTheTokenExpiresWithinSevenDays() {
    Cli owner = loggedInOwner();
    String soon =
        owner
            .run(
                "org",
                "api-token",
                "create",
                "--name",
                "soon",
                "--expiration",
                "48h",
                "-o",
                "token")
            .ok()
            .stdout();
    Cli.Result used = new Cli().run("workflow", "list", "--token", soon).ok();
    assertThat(used.stderr()).contains("WRN").contains("expires in 2 days");
    String later =
        owner
            .run(
                "org",
                "api-token",
                "create",
                "--name",
                "later",
                "--expiration",
                "30d",
                "-o",
                "token")
            .ok()
            .stdout();
    assertThat(new Cli().run("workflow", "list", "--token", later).ok().stderr())
        .doesNotContain("expires in");
  }

  @Test
  void badExpirationAndUnreachableServerAreOneLineErrors() {
    Cli owner = loggedInOwner();
    Cli.Result bad =
        owner.run("org", "api-token", "create", "--name", "bad", "--expiration", "-1h");
    assertThat(bad.exitCode()).isNotZero();
    assertThat(bad.stderr().strip().lines()).hasSize(1);
    Cli.Result down =
        new Cli().env("CHAINLOOP_CONTROL_PLANE_API", "http://127.0.0.1:9").run("org", "list");
    assertThat(down.exitCode()).isNotZero();
    assertThat(down.stderr().strip().lines())
        .singleElement()
        .asString()
        .startsWith("ERR")
        .contains("127.0.0.1:9");
  }

  @Test
  void launcherScriptRunsTheSameCliAgainstTheServer() throws Exception {
    Path launcher = Path.of(System.getProperty("chainloop.test.cli.launcher", "cli/chainloop"));
    Cli owner = loggedInOwner();
    String token =
        owner.run("org", "api-token", "create", "--name", "script", "-o", "token").ok().stdout();
    List<String> command =
        new ArrayList<>(List.of(launcher.toString(), "organization", "api-token", "-h"));
    Process help = new ProcessBuilder(command).redirectErrorStream(true).start();
    String helpText = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(help.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(help.exitValue()).isZero();
    assertThat(helpText).startsWith("Manage API tokens to authenticate with the Chainloop API.");

    ProcessBuilder list =
        new ProcessBuilder(launcher.toString(), "workflow", "list", "--token", token, "-o", "json");
    list.environment().put("CHAINLOOP_CONTROL_PLANE_API", Api.BASE_URL);
    list.environment().put("HOME", owner.home().toString());
    list.environment().put("XDG_CONFIG_HOME", owner.home().resolve("script-config").toString());
    Process run = list.start();
    String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(run.exitValue()).as(err).isZero();
    assertThat(out).contains("\"workflows\"").doesNotContain("┌");
    assertThat(err).contains("INF API token provided to the command line");
  }
}
