package dev.chainloop.ee.it.attestation.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.cli.attestation.MaterialFixtures;
import dev.chainloop.ee.it.attestation.upstream.ActionsRunner.JobResult;
import dev.chainloop.ee.it.attestation.upstream.ActionsRunner.Status;
import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Fixtures;
import dev.chainloop.ee.it.support.GitHubApiDouble;
import dev.chainloop.ee.it.support.OciRegistry;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Upstream Chainloop's own pipelines, replayed unchanged against this control plane: the workflow
 * files of chainloop-dev/chainloop (src/test/resources/upstream/workflows, with their origin) run
 * through {@link ActionsRunner}, each job as a fresh runner would run it (its own HOME, workspace
 * and temp dir, a git checkout of the files the steps read, {@code CHAINLOOP_TOKEN} in the
 * environment). Every {@code run:} step that holds a chainloop command line runs verbatim; the
 * steps that install or run tools that cannot run here (goreleaser, syft, grype, helm, cosign,
 * gitleaks, gh, the GitHub App token action) are stand-ins that leave behind what those tools
 * leave: files, images and charts in a real OCI registry (docker-registry, reached as ghcr.io
 * through a registries.conf mirror), and a GitHub API double for the repository settings. The
 * success, failure and cancellation paths each run, so the reset lines run too.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpstreamWorkflowsIT {
  private static final Path RESOURCES = Path.of("src/test/resources/upstream").toAbsolutePath();
  private static final Path LAUNCHER =
      Path.of(System.getProperty("chainloop.test.cli.launcher", "cli/chainloop")).toAbsolutePath();
  private static final String VERSION = "v1.106.1";
  private static final String CHART_VERSION = "1.427.0";
  private static final String RUNNER_TOKEN = "ghs_" + UUID.randomUUID().toString().replace("-", "");

  private static Path root;
  private static OciRegistry registry;
  private static GitHubApiDouble github;
  private static String token;
  private static Fixtures.Account owner;
  private static Path checkout;
  private static Path fixtures;
  private static final Map<String, String> images = new LinkedHashMap<>();
  private static int runs;

  /** file/job/step of every step that ran and exited 0, over all the scenarios. */
  private static final Set<String> passedSteps = new HashSet<>();

  @BeforeAll
  static void setUp() throws Exception {
    root = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "upstream-workflows");
    registry = OciRegistry.start(root.resolve("registry"), "ci", UUID.randomUUID().toString());
    github = GitHubApiDouble.start(RUNNER_TOKEN, "chainloop-dev/chainloop");
    owner = ownerOfChainloopOrg();
    token = Fixtures.apiToken(owner);
    Path policies = RESOURCES.resolve("org-policies.yaml");
    Process apply =
        cli(List.of("apply", "-f", policies.toString(), "--token", token)).inheritIO().start();
    assertThat(apply.waitFor(60, TimeUnit.SECONDS) && apply.exitValue() == 0)
        .as("apply org policies")
        .isTrue();
    fixtures = Files.createDirectories(root.resolve("fixtures"));
    for (String kind : List.of("SARIF", "SBOM_CYCLONEDX_JSON", "GITLEAKS_JSON")) {
      Path file = Path.of(MaterialFixtures.valid(kind, Files.createTempDirectory(root, kind)));
      Files.copy(file, fixtures.resolve(kind.toLowerCase() + ".json"));
    }
    pushImages();
    checkout = gitCheckout();
  }

  @AfterAll
  static void tearDown() {
    if (registry != null) {
      registry.close();
    }
    if (github != null) {
      github.close();
    }
  }

  @Test
  @Order(1)
  void syncContractsAppliesEveryContractOfTheRepository() {
    JobResult sync = run("sync_contracts.yml", "chainloop_contract_sync", null, null);
    assertSucceeded(sync);
    for (String name :
        List.of(
            "chainloop-release-gate",
            "chainloop-vault-author-verification",
            "chainloop-vault-codeql",
            "chainloop-vault-helm-package",
            "chainloop-vault-release",
            "chainloop-vault-scorecards")) {
      assertThat(api().get("/api/v1/workflow-contracts/" + name).status()).as(name).isEqualTo(200);
    }
    createWorkflow("release-gate", "chainloop-release-gate");
    createWorkflow("release", "chainloop-vault-release");
    createWorkflow("helm-package", "chainloop-vault-helm-package");
    createWorkflow("codeql", "chainloop-vault-codeql");
    createWorkflow("author-verification", "chainloop-vault-author-verification");
    createWorkflow("scm-configuration-check", null);
    createWorkflow("daily-secrets-detection", null);
  }

  @Test
  @Order(2)
  void releaseGateThenReleaseAttestAndPromoteTheProjectVersion() throws IOException {
    assertSucceeded(run("release.yaml", "release_gate", null, null));
    JobResult release = run("release.yaml", "release", null, null);
    assertSucceeded(release);
    for (String step :
        List.of("Finish and Record Attestation", "Promote Chainloop Project Version")) {
      String output =
          release.steps().stream()
              .filter(s -> s.name().equals(step))
              .findFirst()
              .orElseThrow()
              .output();
      assertThat(output).as(release.transcript()).doesNotContain("ERR");
    }
    JsonObject run = latestRun("release");
    assertThat(run.getString("status")).as(run.toString()).isEqualTo("SUCCEEDED");
    // the promotion renamed .chainloop.yml's version to the tag, and the push released it
    JsonObject version = api().get("/api/v1/projects/chainloop/versions/" + VERSION).json();
    assertThat(version.getBoolean("prerelease", true)).as(version.toString()).isFalse();
    String statement = statementOf(run);
    assertThat(statement)
        .contains(images.get("control-plane-amd64").substring("sha256:".length()))
        .contains("chainloop.material.image.tag")
        .contains("control-plane-sbom-amd64")
        .contains("chainloop-linux-amd64")
        .contains("source-code");
  }

  @Test
  @Order(3)
  void packageChartResolvesImagesAndTheChartAtTheRegistry() throws IOException {
    JobResult job = run("package_chart.yaml", "package", null, null);
    assertSucceeded(job);
    String statement = statementOf(latestRun("helm-package"));
    assertThat(statement)
        .contains(images.get("control-plane").substring("sha256:".length()))
        .contains(images.get("artifact-cas").substring("sha256:".length()))
        .contains(images.get("chart").substring("sha256:".length()))
        .contains("ghcr.io/chainloop-dev/charts/chainloop")
        .contains("chainloop.material.signature.digest");
  }

  @Test
  @Order(4)
  void codeqlAuthorVerificationScmCheckAndSecretsScanPush() throws IOException {
    assertSucceeded(run("codeql.yml", "analyze", null, null));
    assertThat(latestRun("codeql").getString("status")).isEqualTo("SUCCEEDED");
    assertSucceeded(run("author_verification.yml", "verify", null, null));
    JsonObject verified = latestRun("author-verification");
    assertThat(verified.getString("status")).isEqualTo("SUCCEEDED");
    // --collectors aiconfig recorded the repository's Claude configuration (CLAUDE.md, .claude/)
    assertThat(statementOf(verified))
        .contains("ai-agent-config-claude")
        .contains("CHAINLOOP_AI_AGENT_CONFIG");
    assertSucceeded(run("scm_configuration_check.yaml", "scm-configuration-check", null, null));
    assertThat(statementOf(latestRun("scm-configuration-check"))).contains("runner-context");
    assertThat(github.requests())
        .contains(
            "GET /repos/chainloop-dev/chainloop",
            "GET /repos/chainloop-dev/chainloop/branches/main/protection",
            "GET /repos/chainloop-dev/chainloop/rules/branches/main");
    assertSucceeded(run("secrets-scan-daily.yml", "daily-secrets-scan", null, null));
    assertThat(statementOf(latestRun("daily-secrets-detection"))).contains("secret-report");
  }

  @Test
  @Order(5)
  void aFailedJobResetsItsRunAndACancelledOneCancelsIt() {
    record Scenario(String file, String job, String workflow, String initStep, String nextStep) {}
    List<Scenario> scenarios =
        List.of(
            new Scenario("codeql.yml", "analyze", "codeql", "Initialize Attestation", "Set up Go"),
            new Scenario(
                "author_verification.yml",
                "verify",
                "author-verification",
                "Initialize Attestation",
                "Finish and Record Attestation"),
            new Scenario(
                "package_chart.yaml",
                "package",
                "helm-package",
                "Add Attestation (Helm Chart) and Push Chart",
                "Finish and Record Attestation"),
            new Scenario(
                "release.yaml",
                "release",
                "release",
                "Initialize Attestation",
                "Docker login to Github Packages"),
            new Scenario(
                "scm_configuration_check.yaml",
                "scm-configuration-check",
                "scm-configuration-check",
                "Initialize Attestation",
                "Generate a token"),
            new Scenario(
                "secrets-scan-daily.yml",
                "daily-secrets-scan",
                "daily-secrets-detection",
                "Initialize Attestation",
                "Install Gitleaks"));
    for (Scenario p : scenarios) {
      JobResult failed = run(p.file(), p.job(), p.nextStep(), null);
      assertThat(failed.status()).as(failed.transcript()).isEqualTo(Status.FAILURE);
      assertResetRan(failed, "Mark attestation as failed");
      assertThat(latestRun(p.workflow()).getString("status")).isEqualTo("FAILED");
      JobResult cancelled = run(p.file(), p.job(), null, p.initStep());
      assertThat(cancelled.status()).as(cancelled.transcript()).isEqualTo(Status.CANCELLED);
      assertResetRan(cancelled, "Mark attestation as cancelled");
      assertThat(latestRun(p.workflow()).getString("status")).isEqualTo("CANCELLED");
    }
  }

  @Test
  @Order(5)
  void theReleaseGateBlocksACommitItCannotTraceAndTheJobResetsItsRun() {
    // a checkout without its git metadata: the gate's compliance policy finds no source commit
    String gitless = "cp -a \"$CHECKOUT/.\" . && rm -rf .git";
    JobResult blocked = run("release.yaml", "release_gate", null, null, gitless);
    assertThat(blocked.status()).as(blocked.transcript()).isEqualTo(Status.FAILURE);
    assertThat(blocked.transcript()).contains("source commit");
    assertResetRan(blocked, "Mark attestation as failed");
    assertThat(latestRun("release-gate").getString("status")).isEqualTo("FAILED");
    JobResult cancelled =
        run("release.yaml", "release_gate", null, "Run Release Gate Attestation", gitless);
    assertThat(cancelled.status()).isEqualTo(Status.CANCELLED);
    assertResetRan(cancelled, "Mark attestation as cancelled");
    assertThat(latestRun("release-gate").getString("status")).isEqualTo("CANCELLED");
  }

  @Test
  @Order(6)
  void everyChainloopCommandLineOfTheSevenWorkflowsRanAndExitedZero() throws IOException {
    List<String> missing = new ArrayList<>();
    int chainloopSteps = 0;
    try (Stream<Path> files = Files.list(RESOURCES.resolve("workflows"))) {
      for (Path file : files.sorted().toList()) {
        Map<String, List<String>> steps =
            new ActionsRunner(file, root, Map.of(), Map.of(), Map.of(), Map.of()).chainloopSteps();
        for (Map.Entry<String, List<String>> e : steps.entrySet()) {
          for (String step : e.getValue()) {
            chainloopSteps++;
            String key = file.getFileName() + "/" + e.getKey() + "/" + step;
            if (!passedSteps.contains(key)) {
              missing.add(key);
            }
          }
        }
      }
    }
    assertThat(chainloopSteps).isGreaterThanOrEqualTo(30);
    assertThat(missing).as("chainloop steps that did not run and pass").isEmpty();
  }

  // --- the runner ---

  private static JobResult run(String file, String job, String failAt, String cancelAfter) {
    return run(file, job, failAt, cancelAfter, "cp -a \"$CHECKOUT/.\" .");
  }

  private static JobResult run(
      String file, String job, String failAt, String cancelAfter, String checkoutScript) {
    try {
      Path jobDir = Files.createTempDirectory(root, job);
      Path workspace = Files.createDirectories(jobDir.resolve("work"));
      Path home = Files.createDirectories(jobDir.resolve("home"));
      Path tmp = Files.createDirectories(jobDir.resolve("tmp"));
      Path bin = Files.createDirectories(jobDir.resolve("bin"));
      Path tools = Files.createDirectories(jobDir.resolve("tools"));
      Files.createSymbolicLink(bin.resolve("chainloop"), LAUNCHER);
      writeTools(tools);
      Path docker = Files.createDirectories(home.resolve(".docker"));
      Files.writeString(
          docker.resolve("config.json"),
          "{\"auths\":{\"" + registry.hostPort() + "\":{\"auth\":\"" + basic() + "\"}}}");
      String sha = git(checkout, "rev-parse", "HEAD").trim();
      runs++;
      Map<String, String> env = new LinkedHashMap<>();
      env.put("PATH", tools + ":/usr/local/bin:/usr/bin:/bin");
      env.put("HOME", home.toString());
      // git must not find the repository this test runs in above a checkout without .git
      env.put("GIT_CEILING_DIRECTORIES", jobDir.toString());
      env.put("TMPDIR", tmp.toString());
      env.put("RUNNER_TEMP", tmp.toString());
      env.put("RUNNER_OS", "Linux");
      env.put("RUNNER_ARCH", "X64");
      env.put("RUNNER_NAME", "GitHub Actions " + runs);
      env.put("CI", "true");
      env.put("GITHUB_ACTIONS", "true");
      env.put("GITHUB_REPOSITORY", "chainloop-dev/chainloop");
      env.put("GITHUB_REPOSITORY_OWNER", "chainloop-dev");
      env.put("GITHUB_RUN_ID", String.valueOf(9_000_000 + runs));
      env.put("GITHUB_RUN_ATTEMPT", "1");
      env.put("GITHUB_SERVER_URL", "https://github.com");
      env.put("GITHUB_API_URL", github.url());
      env.put("GITHUB_SHA", sha);
      env.put("GITHUB_REF", "refs/tags/" + VERSION);
      env.put("GITHUB_REF_NAME", VERSION);
      env.put("GITHUB_REF_TYPE", "tag");
      env.put("GITHUB_EVENT_NAME", "push");
      env.put("GITHUB_ACTOR", "chainloop-bot");
      env.put("GITHUB_WORKFLOW", file);
      env.put(
          "GITHUB_WORKFLOW_REF",
          "chainloop-dev/chainloop/.github/workflows/" + file + "@refs/tags/" + VERSION);
      env.put("GITHUB_WORKSPACE", workspace.toString());
      env.put("CHAINLOOP_TOKEN", token);
      env.put("CHAINLOOP_CONTROL_PLANE_API", Api.BASE_URL);
      env.put("CONTAINERS_REGISTRIES_CONF", registriesConf().toString());
      env.put("FIXTURES", fixtures.toString());
      env.put("CHECKOUT", checkout.toString());
      env.put("CHAINLOOP_BIN", bin.toString());
      Map<String, String> githubContext =
          Map.of(
              "event_name", "push",
              "ref_name", VERSION,
              "ref_type", "tag",
              "workspace", workspace.toString(),
              "actor", "chainloop-bot",
              "token", "ghs_workflow_token");
      Map<String, String> secrets =
          Map.of(
              "CHAINLOOP_TOKEN", token,
              "GITHUB_TOKEN", "ghs_workflow_token",
              "COSIGN_KEY", "unused",
              "COSIGN_PASSWORD", "unused",
              "POSTHOG_API_KEY", "unused",
              "POSTHOG_ENDPOINT", "unused",
              "GATHERER_APP_PRIVATE_KEY", "unused");
      ActionsRunner runner =
          new ActionsRunner(
              RESOURCES.resolve("workflows/" + file),
              workspace,
              env,
              githubContext,
              secrets,
              Map.of("CHAINLOOP_GATHERER_APP_ID", "1234"));
      standIns(runner);
      runner.standIn("actions/checkout", checkoutScript);
      JobResult result = runner.run(job, failAt, cancelAfter);
      result.steps().stream()
          .filter(st -> st.ran() && st.exitCode() == 0)
          .forEach(st -> passedSteps.add(file + "/" + job + "/" + st.name()));
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the steps that cannot run here leave behind, keyed by step name or action. */
  private static void standIns(ActionsRunner runner) {
    runner
        .standIn("Install Chainloop", "echo \"$CHAINLOOP_BIN\" >> \"$GITHUB_PATH\"")
        .standIn(
            "docker/login-action",
            """
            auth=$(printf '%s:%s' chainloop-bot ghs_workflow_token | base64 -w0)
            jq --arg a "$auth" '.auths["ghcr.io"] = {auth: $a}' ~/.docker/config.json > c.json
            mv c.json ~/.docker/config.json
            """)
        .standIn(
            "Perform CodeQL Analysis",
            """
            mkdir -p ../results
            cp "$FIXTURES/sarif.json" ../results/go.sarif
            echo "sarif-output=$(cd ../results && pwd)" >> "$GITHUB_OUTPUT"
            """)
        .standIn("Install Gitleaks", "true")
        .standIn("Run Gitleaks Scan", "cp \"$FIXTURES/gitleaks_json.json\" gitleaks-report.json")
        .standIn("Generate a token", "echo \"token=" + RUNNER_TOKEN + "\" >> \"$GITHUB_OUTPUT\"")
        .standIn("Install Syft", "true")
        .standIn("Install Grype", "true")
        .standIn(
            "goreleaser/goreleaser-action",
            """
            mkdir -p dist/cli_linux_amd64_v1
            echo binary > dist/cli_linux_amd64_v1/chainloop
            cat > dist/artifacts.json <<EOF
            [{"type":"Docker Image","path":"ghcr.io/chainloop-dev/chainloop/control-plane:%1$s-amd64"},
             {"type":"Docker Image","path":"ghcr.io/chainloop-dev/chainloop/control-plane:latest"},
             {"type":"Binary","path":"dist/cli_linux_amd64_v1/chainloop","extra":{"ID":"cli"}}]
            EOF
            """
                .formatted(VERSION))
        .standIn("Bump Chart and Dagger Version", "true")
        .standIn("Bump Project Version", "true")
        .standIn("Package Chart", "echo chart > chainloop-" + CHART_VERSION + ".tgz");
  }

  /** Third-party tools the verbatim steps call: stand-ins with the tools' command lines. */
  private static void writeTools(Path tools) throws IOException {
    tool(
        tools,
        "syft",
        "out=\"\"; for a in \"$@\"; do case $a in cyclonedx-json=*) out=${a#cyclonedx-json=};;"
            + " esac; done; cp \"$FIXTURES/sbom_cyclonedx_json.json\" \"$out\"");
    tool(
        tools,
        "grype",
        "while [ $# -gt 0 ]; do [ \"$1\" = --file ] && out=$2; shift; done;"
            + " cp \"$FIXTURES/sarif.json\" \"$out\"");
    tool(
        tools,
        "gh",
        "case \"$1 $2\" in 'release download') while [ $# -gt 0 ]; do [ \"$1\" = -O ] && out=$2;"
            + " shift; done; tar czf \"$out\" -C \"$CHECKOUT\" .chainloop.yml;;"
            + " 'release view') echo 'Release notes';; *) true;; esac");
    tool(tools, "helm", "echo \"Pushed: $2\"");
    tool(tools, "cosign", "echo 'signed (the test pushed the signature)'");
    // upstream's steps call mikefarah's yq; Debian's yq wraps jq, printing raw strings with -r
    tool(tools, "yq", "exec /usr/bin/yq -r \"$@\"");
    Files.copy(
        RESOURCES.resolve("repo/.github/workflows/utils/.gitleaks.toml"),
        tools.resolve(".gitleaks.toml"),
        StandardCopyOption.REPLACE_EXISTING);
    tool(tools, "add-license-to-sbom.sh", "true");
  }

  private static void tool(Path dir, String name, String body) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, "#!/usr/bin/env bash\n" + body + "\n");
    f.toFile().setExecutable(true);
  }

  private static Path registriesConf() throws IOException {
    Path conf = root.resolve("registries.conf");
    if (!Files.exists(conf)) {
      Files.writeString(
          conf,
          """
          # the runner's pull-through mirror of ghcr.io
          [[registry]]
          prefix = "ghcr.io"
          location = "%s"
          insecure = true
          """
              .formatted(registry.hostPort()));
    }
    return conf;
  }

  /** The images, signatures and chart the release and package jobs' tools would have pushed. */
  private static void pushImages() throws IOException {
    String image = "application/vnd.oci.image.config.v1+json";
    for (String name : List.of("control-plane", "artifact-cas")) {
      String repo = "chainloop-dev/chainloop/" + name;
      String digest =
          registry.push(repo, VERSION, image, (name + VERSION).getBytes(StandardCharsets.UTF_8));
      registry.sign(repo, digest);
      images.put(name, digest);
    }
    String amd64 =
        registry.push(
            "chainloop-dev/chainloop/control-plane",
            VERSION + "-amd64",
            image,
            "control-plane-amd64".getBytes(StandardCharsets.UTF_8));
    registry.sign("chainloop-dev/chainloop/control-plane", amd64);
    images.put("control-plane-amd64", amd64);
    String chart =
        registry.push(
            "chainloop-dev/charts/chainloop",
            CHART_VERSION,
            "application/vnd.cncf.helm.config.v1+json",
            MaterialFixtures.helmChart());
    registry.sign("chainloop-dev/charts/chainloop", chart);
    images.put("chart", chart);
  }

  /** A git checkout of the repository files the steps read, with one commit. */
  private static Path gitCheckout() throws IOException {
    Path repo = Files.createDirectories(root.resolve("checkout"));
    Path source = RESOURCES.resolve("repo");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path from : (Iterable<Path>) files::iterator) {
        Path to = repo.resolve(source.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    Path utils = repo.resolve(".github/workflows/utils");
    for (String script : List.of("add-license-to-sbom.sh")) {
      Files.writeString(utils.resolve(script), "#!/usr/bin/env bash\ntrue\n");
      utils.resolve(script).toFile().setExecutable(true);
    }
    git(repo, "init", "-q", "-b", "main");
    git(repo, "remote", "add", "origin", "https://github.com/chainloop-dev/chainloop.git");
    git(repo, "add", "-A");
    git(
        repo,
        "-c",
        "user.name=Chainloop Bot",
        "-c",
        "user.email=bot@chainloop.dev",
        "commit",
        "-q",
        "-m",
        "release " + VERSION);
    return repo;
  }

  private static String git(Path dir, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("git " + String.join(" ", args) + ": " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return out;
  }

  // --- the control plane ---

  /**
   * The organization named as upstream's pipelines name theirs: "chainloop", owned by this test's
   * own account; one left by an earlier run on the same data directory is deleted first.
   */
  private static Fixtures.Account ownerOfChainloopOrg() {
    String email = "upstream-pipelines@example.com";
    Api.Reply signup =
        Api.anonymous()
            .post(
                "/api/v1/auth/signup",
                "{\"email\":\"" + email + "\",\"password\":\"" + Fixtures.PASSWORD + "\"}");
    assertThat(signup.status()).as(signup.toString()).isIn(201, 409);
    String userToken = Fixtures.login(email);
    Api user = Api.withToken(userToken);
    Api.Reply left = user.delete("/api/v1/organizations/chainloop");
    assertThat(left.status()).as(left.toString()).isIn(204, 403, 404);
    Api.Reply created = user.post("/api/v1/organizations", "{\"name\":\"chainloop\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return new Fixtures.Account(email, userToken, "chainloop");
  }

  private static void createWorkflow(String name, String contract) {
    List<String> args =
        new ArrayList<>(
            List.of("wf", "create", "--name", name, "--project", "chainloop", "--token", token));
    if (contract != null) {
      args.addAll(List.of("--contract", contract));
    }
    try {
      Process p = cli(args).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(out).isTrue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static ProcessBuilder cli(List<String> args) {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("CHAINLOOP_CONTROL_PLANE_API", Api.BASE_URL);
    pb.environment().put("HOME", root.resolve("admin-home").toString());
    return pb;
  }

  private static Api api() {
    return Api.withToken(token);
  }

  private static JsonObject latestRun(String workflow) {
    Api.Reply list =
        api().get("/api/v1/workflow-runs?workflow=" + workflow + "&project=chainloop&limit=1");
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    List<JsonValue> items = list.json().getJsonArray("items");
    assertThat(items).as(list.toString()).isNotEmpty();
    return items.get(0).asJsonObject();
  }

  private static String statementOf(JsonObject run) {
    Api.Reply described = api().get("/api/v1/workflow-runs/" + run.getString("id"));
    assertThat(described.status()).as(described.toString()).isEqualTo(200);
    JsonObject attestation = described.json().getJsonObject("attestation");
    assertThat(attestation).as(described.toString()).isNotNull();
    String text = attestation.getString("bundle");
    if (!text.startsWith("{")) {
      text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
    }
    JsonObject bundle;
    try (JsonReader r = Json.createReader(new StringReader(text))) {
      bundle = r.readObject();
    }
    String payload = bundle.getJsonObject("dsseEnvelope").getString("payload");
    return new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8);
  }

  private static String basic() {
    return Base64.getEncoder()
        .encodeToString(
            (registry.user() + ":" + registry.password()).getBytes(StandardCharsets.UTF_8));
  }

  private static void assertSucceeded(JobResult job) {
    assertThat(job.status()).as(job.transcript()).isEqualTo(Status.SUCCESS);
    assertThat(job.steps().stream().filter(ActionsRunner.StepLog::ran))
        .as(job.transcript())
        .allMatch(s -> s.exitCode() == 0);
  }

  private static void assertResetRan(JobResult job, String step) {
    assertThat(job.steps())
        .as(job.transcript())
        .anyMatch(s -> s.name().equals(step) && s.ran() && s.exitCode() == 0);
  }
}
