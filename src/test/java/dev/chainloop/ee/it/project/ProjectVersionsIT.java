package dev.chainloop.ee.it.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Cli;
import dev.chainloop.ee.it.support.Fixtures;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Project versions driven by the real CLI: a version starts as a prerelease at init, is released by
 * the push of a run initialized with --release, and the organization may then refuse attestations
 * on it; versions are listed, described and renamed, and runs show theirs.
 */
class ProjectVersionsIT {
  private static final Pattern RUN_ID = Pattern.compile("Attestation ID\\s+│ ([0-9a-f-]{36})");

  private final Fixtures.Account owner = Fixtures.ownerWithOrg();
  private final String token = Fixtures.apiToken(owner);
  private final Api api = Api.withToken(token);
  private final Cli cli = new Cli();

  private Cli.Result init(String... flags) {
    String[] args = new String[flags.length + 9];
    String[] base = {
      "att", "init", "--workflow", "build", "--project", "core", "--replace", "--token", token
    };
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(flags, 0, args, base.length, flags.length);
    return cli.run(args);
  }

  private static String runId(Cli.Result init) {
    Matcher m = RUN_ID.matcher(init.stdout());
    assertThat(m.find()).as(init.toString()).isTrue();
    return m.group(1);
  }

  private Cli.Result rename(String from, String to, String... credential) {
    String[] base = {
      "project", "version", "update", "--project", "core", "--name", from, "--new-name", to
    };
    String[] args = new String[base.length + credential.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(credential, 0, args, base.length, credential.length);
    return cli.run(args);
  }

  private void blockReleasedVersions(String value) {
    cli.run(
            "org",
            "update",
            "--name",
            owner.org(),
            "--block-attestations-on-released-versions=" + value,
            "--org",
            owner.org(),
            "--token",
            owner.userToken())
        .ok();
  }

  private JsonObject describeVersion(String name) {
    Cli.Result r =
        cli.run(
                "project",
                "version",
                "describe",
                "--project",
                "core",
                "--name",
                name,
                "-o",
                "json",
                "--token",
                token)
            .ok();
    return Json.createReader(new StringReader(r.stdout())).readObject();
  }

  @Test
  void aPrereleaseIsReleasedByItsPushAndThenBlockedOnlyWhenTheOrganizationSaysSo() {
    Cli.Result first = init("--version", "v1.0.0").ok();
    assertThat(first.stdout()).contains("│ Version           │ v1.0.0 (prerelease)");
    Cli.Result list =
        cli.run("project", "version", "list", "--project", "core", "--token", token).ok();
    assertThat(list.stdout()).contains("│ ID ").containsPattern("│ v1\\.0\\.0 +│ true +│ true +│");

    Cli.Result releasing = init("--version", "v1.0.0", "--release").ok();
    assertThat(releasing.stdout()).contains("v1.0.0 (will be released)");
    // Released at push, not at init.
    assertThat(describeVersion("v1.0.0").getBoolean("prerelease")).isTrue();
    Cli.Result push = cli.run("att", "push", "--token", token).ok();
    assertThat(push.stdout()).containsPattern("│ Version +│ v1\\.0\\.0 +│");
    JsonObject released = describeVersion("v1.0.0");
    assertThat(released.getBoolean("prerelease")).isFalse();
    assertThat(released.getString("releasedAt")).isNotBlank();

    // The organization does not block released versions by default.
    Cli.Result allowed = init("--version", "v1.0.0").ok();
    assertThat(allowed.stdout()).contains("v1.0.0 (already released)");

    blockReleasedVersions("true");
    Cli.Result refused = init("--version", "v1.0.0");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.stderr().lines().filter(l -> l.startsWith("ERR ")))
        .singleElement()
        .asString()
        .startsWith("ERR version \"v1.0.0\" is released and immutable");
    // The run initialized before the organization blocked it cannot be pushed either.
    Cli.Result lateRun = cli.run("att", "push", "--token", token);
    assertThat(lateRun.exitCode()).isEqualTo(1);
    assertThat(lateRun.stderr()).contains("is released and immutable");
    var problem =
        api.post(
            "/api/v1/attestations/init",
            "{\"workflow\":\"build\",\"project\":\"core\",\"version\":\"v1.0.0\"}");
    assertThat(problem.status()).isEqualTo(409);
    assertThat(problem.header("Content-Type")).startsWith("application/problem+json");
    // A prerelease is still open.
    init("--version", "v1.1.0").ok();

    blockReleasedVersions("false");
    init("--version", "v1.0.0").ok();
  }

  @Test
  void existingVersionRefusesAMissingOneAndLatestVersionFollowsTheNewest() {
    Cli.Result missing = init("--version", "v9", "--existing-version");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.stderr()).contains("ERR ").contains("project version \"v9\" not found");
    var problem =
        api.post(
            "/api/v1/attestations/init",
            "{\"workflow\":\"build\",\"project\":\"core\",\"version\":\"v9\","
                + "\"existingVersion\":true}");
    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.json().getJsonArray("violations").getJsonObject(0).getString("field"))
        .isEqualTo("version");
    assertThat(
            cli.run("project", "version", "list", "--project", "core", "--token", token)
                .ok()
                .stdout())
        .doesNotContain("v9");

    init("--version", "v1").ok();
    init("--version", "v1", "--existing-version").ok();
    init("--version", "v2").ok();
    init("--version", "v3", "--mark-latest=false").ok();
    Cli.Result latest = init("--latest-version", "-o", "json").ok();
    JsonObject meta =
        Json.createReader(new StringReader(latest.stdout()))
            .readObject()
            .getJsonObject("workflowMeta")
            .getJsonObject("projectVersion");
    assertThat(meta.getString("version")).isEqualTo("v2");
    assertThat(meta.getBoolean("prerelease")).isTrue();
    assertThat(meta.getBoolean("markAsRelease")).isFalse();
    assertThat(describeVersion("v3").getBoolean("latest")).isFalse();

    init("--version", "v1", "--mark-latest").ok();
    assertThat(describeVersion("v1").getBoolean("latest")).isTrue();
    assertThat(describeVersion("v2").getBoolean("latest")).isFalse();
  }

  @Test
  void renamedVersionsKeepTheirRunsAndTheRunListShowsThem() {
    String runId = runId(init("--version", "v2.0.0-rc1").ok());
    init("--version", "v2.0.0-rc2").ok();
    // Renaming needs project_version:update: CI API tokens have it (a release pipeline renames
    // its version, as upstream's does); a token narrowed to reading runs does not.
    String narrowed =
        Fixtures.apiToken(
            owner,
            "{\"name\":\""
                + Fixtures.uniqueName("reader")
                + "\",\"permissions\":[\"workflow_run:list\",\"workflow_run:read\"]}");
    Cli.Result byNarrowed = rename("v2.0.0-rc1", "v2.0.0", "--token", narrowed);
    assertThat(byNarrowed.exitCode()).isEqualTo(1);
    assertThat(byNarrowed.stderr()).contains("ERR ").contains("project_version:update");
    Cli.Result renamed = rename("v2.0.0-rc1", "v2.0.0", "--token", token).ok();
    assertThat(renamed.stdout()).containsPattern("│ Version +│ v2\\.0\\.0 +│");
    assertThat(renamed.stderr()).contains("INF Project version updated!");

    Cli.Result runs = cli.run("wf", "run", "list", "--project", "core", "--token", token).ok();
    assertThat(runs.stdout())
        .contains("│ VERSION ")
        .containsPattern(runId + " │ core/build +│ v2\\.0\\.0 \\(prerelease\\) +│");
    Cli.Result byVersion =
        cli.run("wf", "run", "list", "--project", "core", "--version", "v2.0.0", "--token", token)
            .ok();
    assertThat(byVersion.stdout()).contains(runId).doesNotContain("rc2");
    Cli.Result describe = cli.run("wf", "run", "describe", "--id", runId, "--token", token).ok();
    assertThat(describe.stdout()).containsPattern("│ Version +│ v2\\.0\\.0 \\(prerelease\\) +│");

    Cli.Result taken =
        rename("v2.0.0", "v2.0.0-rc2", "--org", owner.org(), "--token", owner.userToken());
    assertThat(taken.exitCode()).isEqualTo(1);
    assertThat(taken.stderr()).contains("ERR version \"v2.0.0-rc2\" already exists");
    Cli.Result unknown =
        cli.run(
            "project",
            "version",
            "describe",
            "--project",
            "core",
            "--name",
            "v7",
            "--token",
            token);
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.stderr()).contains("ERR version \"v7\" not found in project \"core\"");
  }

  @Test
  void badVersionInputIsA400NamingTheField() {
    init("--version", "v1").ok();
    var badName =
        api.post(
            "/api/v1/attestations/init",
            "{\"workflow\":\"build\",\"project\":\"core\",\"version\":\"v 1\"}");
    assertThat(badName.status()).isEqualTo(400);
    assertThat(badName.header("Content-Type")).startsWith("application/problem+json");
    assertThat(badName.json().getJsonArray("violations").getJsonObject(0).getString("field"))
        .isEqualTo("version");
    var both =
        api.post(
            "/api/v1/attestations/init",
            "{\"workflow\":\"build\",\"project\":\"core\",\"version\":\"v1\","
                + "\"latestVersion\":true}");
    assertThat(both.status()).isEqualTo(400);
    assertThat(both.json().getJsonArray("violations").getJsonObject(0).getString("field"))
        .isEqualTo("latestVersion");
    Api user = owner.api().header("Chainloop-Organization", owner.org());
    var rename = user.patch("/api/v1/projects/core/versions/v1", "{\"newName\":\"a/b\"}");
    assertThat(rename.status()).isEqualTo(400);
    assertThat(rename.json().getJsonArray("violations").getJsonObject(0).getString("field"))
        .isEqualTo("newName");
    var missing = user.patch("/api/v1/projects/core/versions/v1", "{}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body()).contains("newName");
  }
}
