package dev.chainloop.ee.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.cli.CliRunner;
import dev.chainloop.ee.cli.FakeControlPlane;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upstream's project-version flags of {@code attestation init}, {@code org update}, run lists. */
class ProjectVersionFlagsTest {
  private static final String INIT =
      "{\"attestationId\":\"3f2b8c1e-0d4a-4c4e-9d2f-5a1b2c3d4e5f\",\"workflow\":{\"id\":\"w\","
          + "\"name\":\"build\",\"project\":\"core\",\"projectVersion\":{\"id\":\"v\","
          + "\"version\":\"v1.2.0\",\"prerelease\":true,\"markAsRelease\":true}},"
          + "\"organization\":\"acme\",\"contractName\":\"core-build\",\"contractRevision\":1,"
          + "\"initializedAt\":\"2026-12-01T10:00:00Z\"}";

  @TempDir Path home;

  private CliRunner cli() {
    return new CliRunner(home).env("TMPDIR", home.resolve("tmp").toString());
  }

  @Test
  void initSendsTheVersionFlagsAndShowsTheVersionAsWillBeReleased() throws Exception {
    home.resolve("tmp").toFile().mkdirs();
    try (FakeControlPlane server = new FakeControlPlane()) {
      server.json("POST /api/v1/attestations/init", 200, INIT);
      CliRunner.Result r =
          cli()
              .run(
                  "att",
                  "init",
                  "--workflow",
                  "build",
                  "--project",
                  "core",
                  "--version",
                  "v1.2.0",
                  "--release",
                  "--mark-latest=false",
                  "--pr",
                  "--token",
                  "t",
                  "--control-plane",
                  server.url());
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(server.lastRequest().body())
          .contains("\"version\":\"v1.2.0\"")
          .contains("\"release\":true")
          .contains("\"markLatest\":false")
          .doesNotContain("latestVersion")
          .doesNotContain("existingVersion");
      assertThat(r.out())
          .contains("│ Version           │ v1.2.0 (will be released)")
          .contains("chainloop.dev/is-pull-request: true");
    }
  }

  @Test
  void withoutVersionFlagsNothingIsSentAndNoVersionRowIsShown() throws Exception {
    home.resolve("tmp").toFile().mkdirs();
    try (FakeControlPlane server = new FakeControlPlane()) {
      server.json(
          "POST /api/v1/attestations/init",
          200,
          INIT.replaceFirst(",\"projectVersion\":\\{[^}]*\\}", ""));
      CliRunner.Result r =
          cli()
              .run(
                  "att",
                  "init",
                  "--workflow",
                  "build",
                  "--token",
                  "t",
                  "--control-plane",
                  server.url());
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(server.lastRequest().body())
          .doesNotContain("version")
          .doesNotContain("markLatest")
          .doesNotContain("release");
      assertThat(r.out()).doesNotContain("Version").doesNotContain("is-pull-request");
      assertThat(r.errLines()).noneMatch(l -> l.startsWith("WRN "));
    }
  }

  @Test
  void contradictoryVersionFlagsAreOneErrLineEach() {
    String[][] cases = {
      {"--release"}, {"--existing-version"}, {"--latest-version", "--version", "v1"},
      {"--latest-version", "--mark-latest"}, {"--mark-latest=maybe"}, {"--collectors", "nope"}
    };
    String[] errors = {
      "ERR project version is required when using --release\n",
      "ERR project version is required when using --existing-version\n",
      "ERR --latest-version and --version are mutually exclusive\n",
      "ERR --mark-latest and --latest-version are mutually exclusive\n",
      "ERR invalid argument \"maybe\" for \"--mark-latest\" flag: strconv.ParseBool: parsing"
          + " \"maybe\": invalid syntax\n",
      "ERR unknown collector \"nope\", valid options: aiconfig\n"
    };
    for (int i = 0; i < cases.length; i++) {
      String[] args = new String[cases[i].length + 5];
      System.arraycopy(new String[] {"att", "init", "--workflow", "w", "--dry-run"}, 0, args, 0, 5);
      System.arraycopy(cases[i], 0, args, 5, cases[i].length);
      CliRunner.Result r = cli().run(args);
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err()).isEqualTo(errors[i]);
    }
  }

  @Test
  void theAiConfigCollectorIsAcceptedAndAnUnknownOneRefused() {
    home.resolve("tmp").toFile().mkdirs();
    // the working directory (the CLI module) has no AI agent configuration: nothing to collect
    CliRunner.Result r =
        cli().run("att", "init", "--workflow", "w", "--dry-run", "--collectors", "aiconfig");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.errLines()).noneMatch(l -> l.startsWith("WRN ") || l.startsWith("ERR "));
    CliRunner.Result unknown =
        cli().run("att", "init", "--workflow", "w", "--dry-run", "--replace", "--collectors", "x");
    assertThat(unknown.code()).isNotZero();
    assertThat(unknown.errLines()).hasSize(1);
    assertThat(unknown.err()).contains("unknown collector \"x\"");
  }

  @Test
  void orgUpdateSendsAnExplicitFalse() throws Exception {
    try (FakeControlPlane server = new FakeControlPlane()) {
      server.json("PATCH /api/v1/organizations/acme", 200, "{\"name\":\"acme\"}");
      CliRunner.Result r =
          cli()
              .run(
                  "org",
                  "update",
                  "--name",
                  "acme",
                  "--block-attestations-on-released-versions=false",
                  "--token",
                  "t",
                  "--control-plane",
                  server.url());
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(server.lastRequest().body())
          .isEqualTo("{\"blockAttestationsOnReleasedVersions\":false}");
    }
  }

  @Test
  void runListByVersionNeedsTheProject() {
    CliRunner.Result r = cli().run("wf", "run", "list", "--version", "v1");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("ERR --project is required when --version is set\n");
  }
}
