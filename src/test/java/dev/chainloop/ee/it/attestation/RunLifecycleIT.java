package dev.chainloop.ee.it.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chainloop.ee.cli.attestation.Bundles;
import dev.chainloop.ee.cli.attestation.Signers;
import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Attestations;
import dev.chainloop.ee.it.support.Cli;
import dev.chainloop.ee.it.support.DataFiles;
import dev.chainloop.ee.it.support.Fixtures;
import dev.chainloop.ee.shared.Sha256;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs from init to their end: concurrency, reset, expiry, listing, robot accounts and remote state
 * shared between machines.
 */
class RunLifecycleIT extends AttestationPipelines {
  @Test
  void fiftyConcurrentPipelinesStoreEveryAcknowledgedDigestExactlyOnce() throws Exception {
    int pipelines = 50;
    // The workflow exists, as for pipelines of an onboarded project.
    initRun("parallel", "load");
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < pipelines; i++) {
      tokens.add(Fixtures.apiToken(owner));
    }
    byte[] shared =
        ("shared-artifact-" + Fixtures.uniqueName("x")).getBytes(StandardCharsets.UTF_8);
    String sharedDigest = Sha256.prefixed(shared);
    ConcurrentHashMap<String, byte[]> acked = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(pipelines);
    try {
      List<Future<Integer>> uploads = new ArrayList<>();
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < pipelines; i++) {
        Api ci = Api.withToken(tokens.get(i));
        int n = i;
        uploads.add(
            pool.submit(
                () ->
                    ci.send(
                            "PUT",
                            "/api/v1/artifacts/" + sharedDigest,
                            new String(shared, StandardCharsets.UTF_8),
                            "application/octet-stream")
                        .status()));
        runs.add(
            pool.submit(
                () -> {
                  var init =
                      ci.post(
                          "/api/v1/attestations/init",
                          "{\"workflow\":\"parallel\",\"project\":\"load\"}");
                  assertThat(init.status()).as(init.toString()).isEqualTo(200);
                  String runId = init.json().getString("attestationId");
                  KeyPair pair = Signers.ephemeralP256();
                  byte[] bundle =
                      Bundles.sign(
                          statement(runId, "p" + n), pair.getPrivate(), pair.getPublic(), null);
                  var stored =
                      ci.send(
                          "POST",
                          Attestations.storePath(runId, pair.getPublic()),
                          new String(bundle, StandardCharsets.UTF_8),
                          "application/json");
                  if (stored.status() == 200) {
                    assertThat(acked.putIfAbsent(stored.json().getString("digest"), bundle))
                        .isNull();
                  }
                  return null;
                }));
      }
      for (Future<Integer> u : uploads) {
        assertThat(u.get()).isIn(200, 201);
      }
      for (Future<?> r : runs) {
        r.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(acked).hasSize(pipelines);
    for (var e : acked.entrySet()) {
      var details = api.get("/api/v1/workflow-runs/by-digest/" + e.getKey());
      assertThat(details.status()).as(details.toString()).isEqualTo(200);
      byte[] stored =
          Base64.getDecoder()
              .decode(details.json().getJsonObject("attestation").getString("bundle"));
      assertThat(stored).isEqualTo(e.getValue());
    }
    Set<String> listed = new HashSet<>();
    var page =
        api.get("/api/v1/workflow-runs?workflow=parallel&project=load&status=SUCCEEDED&limit=100")
            .json();
    for (JsonObject r : page.getJsonArray("items").getValuesAs(JsonObject.class)) {
      assertThat(listed.add(r.getString("attestationDigest"))).isTrue();
    }
    assertThat(listed).isEqualTo(acked.keySet());
    var download = api.get("/api/v1/artifacts/" + sharedDigest);
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(shared);
  }

  @Test
  void resetEndsTheRunAsFailedOrCanceledAndClearsLocalState() throws Exception {
    Cli cli = new Cli();
    Path state = cli.home().resolve("tmp").resolve("chainloop-attestation.tmp.json");
    String failed = initWithCli(cli, "resettable");
    Cli.Result reset = cli.run("att", "reset", "--token", token);
    assertThat(reset.exitCode()).as(reset.toString()).isZero();
    assertThat(state).doesNotExist();
    assertThat(
            api.get("/api/v1/workflow-runs/" + failed)
                .json()
                .getJsonObject("run")
                .getString("state"))
        .isEqualTo("error");

    String canceled = initWithCli(cli, "resettable");
    Cli.Result cancel =
        cli.run(
            "att",
            "reset",
            "--trigger",
            "cancellation",
            "--reason",
            "superseded by #42",
            "--token",
            token);
    assertThat(cancel.exitCode()).as(cancel.toString()).isZero();
    assertThat(state).doesNotExist();
    JsonObject run = api.get("/api/v1/workflow-runs/" + canceled).json().getJsonObject("run");
    assertThat(run.getString("state")).isEqualTo("canceled");
    assertThat(run.getString("reason")).isEqualTo("superseded by #42");
    Cli.Result described = cli.run("wf", "run", "describe", "--id", canceled, "--token", token);
    assertThat(described.exitCode()).as(described.toString()).isZero();
    assertThat(described.stdout()).containsIgnoringCase("cancel");
  }

  @Test
  void aRunLeftAloneExpiresAndTheWorkflowShowsExpired() throws Exception {
    Cli cli = new Cli();
    String runId = initWithCli(cli, "abandoned");
    String last =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () ->
                    cli.run("wf", "list", "--token", token)
                        .stdout()
                        .lines()
                        .filter(l -> l.contains("abandoned"))
                        .map(AttestationPipelines::lastColumn)
                        .findFirst()
                        .orElse(""),
                "expired"::equals);
    assertThat(last).isEqualTo("expired");
    assertThat(
            api.get("/api/v1/workflow-runs/" + runId)
                .json()
                .getJsonObject("run")
                .getString("status"))
        .isEqualTo("EXPIRED");
  }

  @Test
  void runListFiltersByStatusAndPagesWithACursor() throws Exception {
    KeyPair pair = Signers.ephemeralP256();
    for (int i = 0; i < 3; i++) {
      String run = initRun("paged", "p");
      byte[] b = Bundles.sign(statement(run, "s" + i), pair.getPrivate(), pair.getPublic(), null);
      assertThat(store(run, new String(b, StandardCharsets.UTF_8), pair.getPublic()).status())
          .isEqualTo(200);
    }
    for (int i = 0; i < 2; i++) {
      String run = initRun("paged", "p");
      assertThat(
              api.post("/api/v1/attestations/" + run + "/cancel", "{\"trigger\":\"cancellation\"}")
                  .status())
          .isEqualTo(204);
    }
    var first = api.get("/api/v1/workflow-runs?workflow=paged&status=SUCCEEDED&limit=2").json();
    assertThat(first.getJsonArray("items")).hasSize(2);
    String cursor = first.getString("nextCursor");
    var second =
        api.get("/api/v1/workflow-runs?workflow=paged&status=SUCCEEDED&limit=2&next=" + cursor)
            .json();
    assertThat(second.getJsonArray("items")).hasSize(1);
    assertThat(second.get("nextCursor")).isIn(null, JsonValue.NULL);
    assertThat(
            api.get("/api/v1/workflow-runs?workflow=paged&status=CANCELLED")
                .json()
                .getJsonArray("items"))
        .hasSize(2);

    Cli cli = new Cli();
    Cli.Result page1 =
        cli.run(
            "wf",
            "run",
            "ls",
            "--workflow",
            "paged",
            "--status",
            "SUCCEEDED",
            "--limit",
            "2",
            "--token",
            token);
    assertThat(page1.exitCode()).as(page1.toString()).isZero();
    assertThat(page1.stdout().lines().filter(l -> l.contains("p/paged"))).hasSize(2);
    Matcher m = Pattern.compile("INF --next (\\S+)").matcher(page1.stderr());
    assertThat(m.find()).as(page1.stderr()).isTrue();
    Cli.Result page2 =
        cli.run(
            "wf",
            "run",
            "ls",
            "--workflow",
            "paged",
            "--status",
            "SUCCEEDED",
            "--limit",
            "2",
            "--next",
            m.group(1),
            "--token",
            token);
    assertThat(page2.exitCode()).as(page2.toString()).isZero();
    assertThat(page2.stdout().lines().filter(l -> l.contains("p/paged"))).hasSize(1);
    assertThat(page2.stderr()).doesNotContain("--next");
    Cli.Result failed =
        cli.run(
            "wf", "run", "ls", "--workflow", "paged", "--status", "CANCELLED", "--token", token);
    // The table humanizes states as upstream: CANCELLED is printed "canceled".
    assertThat(failed.stdout().lines().filter(l -> l.contains("p/paged") && l.contains("canceled")))
        .hasSize(2);
    assertThat(failed.stdout()).doesNotContain("CANCELLED");
  }

  @Test
  void robotAccountAttestsItsOwnWorkflowOnlyUntilRevoked() throws Exception {
    Cli cli = new Cli();
    String user = owner.userToken();
    Cli.Result created =
        cli.run(
            "wf",
            "create",
            "--name",
            "legacy",
            "--project",
            "core",
            "--token",
            user,
            "--org",
            owner.org());
    assertThat(created.exitCode()).as(created.toString()).isZero();
    Matcher key = Pattern.compile("eyJ[\\w-]+\\.[\\w-]+\\.[\\w-]+").matcher(created.stdout());
    assertThat(key.find()).isTrue();
    String robot = key.group();
    assertThat(
            cli.run("wf", "create", "--name", "other", "--project", "core", "-s", "--token", token)
                .exitCode())
        .isZero();

    Cli.Result init = cli.run("att", "init", "--workflow", "legacy", "--token", robot);
    assertThat(init.exitCode()).as(init.toString()).isZero();
    Path file = cli.home().resolve("app.bin");
    Files.writeString(file, "robot-built-" + Fixtures.uniqueName("b"));
    Cli.Result add =
        cli.run(
            "att",
            "add",
            "--value",
            file.toString(),
            "--kind",
            "ARTIFACT",
            "--name",
            "app",
            "--token",
            robot);
    assertThat(add.exitCode()).as(add.toString()).isZero();
    Cli.Result push =
        cli.run("att", "push", "--key", cli.signingKey().toString(), "--token", robot);
    assertThat(push.exitCode()).as(push.toString()).isZero();

    Cli.Result foreign = cli.run("att", "init", "--workflow", "other", "--token", robot);
    assertThat(foreign.exitCode()).isNotZero();
    assertThat(foreign.stderr()).contains("this robot account may only attest workflow \"legacy\"");

    Cli.Result accounts =
        cli.run("wf", "ra", "list", "--workflow", "legacy", "--token", user, "--org", owner.org());
    String row =
        accounts
            .stdout()
            .lines()
            .filter(l -> l.contains("autogenerated"))
            .findFirst()
            .orElseThrow();
    Matcher id = UUID.matcher(row);
    assertThat(id.find()).isTrue();
    Cli.Result revoked =
        cli.run("wf", "ra", "revoke", "--id", id.group(), "--token", user, "--org", owner.org());
    assertThat(revoked.exitCode()).as(revoked.toString()).isZero();
    Cli.Result rejected = cli.run("att", "init", "--workflow", "legacy", "--token", robot);
    assertThat(rejected.exitCode()).isNotZero();
    assertThat(
            Api.withToken(robot)
                .post("/api/v1/attestations/init", "{\"workflow\":\"legacy\"}")
                .status())
        .isEqualTo(401);
  }

  @Test
  void remoteStateIsSharedBetweenMachinesAndStaleWritesConflict() throws Exception {
    Cli first = new Cli();
    Cli.Result init =
        first.run(
            "att",
            "init",
            "--workflow",
            "remote",
            "--project",
            "p",
            "--remote-state",
            "--token",
            token);
    assertThat(init.exitCode()).as(init.toString()).isZero();
    Matcher m = UUID.matcher(init.stdout());
    assertThat(m.find()).isTrue();
    String id = m.group();

    Cli second = new Cli();
    Cli.Result add =
        second.run(
            "att",
            "add",
            "--attestation-id",
            id,
            "--name",
            "version",
            "--value",
            "9.9.9",
            "--kind",
            "STRING",
            "--token",
            token);
    assertThat(add.exitCode()).as(add.toString()).isZero();
    Cli.Result status =
        second.run("att", "status", "--attestation-id", id, "--full", "--token", token);
    assertThat(status.exitCode()).as(status.toString()).isZero();
    assertThat(status.stdout()).contains("version").contains("9.9.9");
    Cli.Result push =
        second.run(
            "att",
            "push",
            "--attestation-id",
            id,
            "--key",
            second.signingKey().toString(),
            "--token",
            token);
    assertThat(push.exitCode()).as(push.toString()).isZero();
    assertThat(
            api.get("/api/v1/workflow-runs/" + id).json().getJsonObject("run").getString("state"))
        .isEqualTo("success");

    String run = initRun("remote", "p");
    String path = "/api/v1/attestations/" + run + "/state";
    var created = api.put(path, "{\"state\":\"" + b64("{\"v\":1}") + "\",\"baseDigest\":\"\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(200);
    String base = created.json().getString("digest");
    var read = api.get(path).json();
    assertThat(read.getString("digest")).isEqualTo(base);
    var updated =
        Api.withToken(token)
            .header("If-Match", "\"" + base + "\"")
            .put(path, "{\"state\":\"" + b64("{\"v\":2}") + "\"}");
    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    var staleHeader =
        Api.withToken(token)
            .header("If-Match", "\"" + base + "\"")
            .put(path, "{\"state\":\"" + b64("{\"v\":3}") + "\"}");
    assertThat(staleHeader.status()).as(staleHeader.toString()).isEqualTo(409);
    var staleBody =
        api.put(path, "{\"state\":\"" + b64("{\"v\":3}") + "\",\"baseDigest\":\"" + base + "\"}");
    assertThat(staleBody.status()).isEqualTo(409);
    assertThat(
            new String(
                Base64.getDecoder().decode(api.get(path).json().getString("state")),
                StandardCharsets.UTF_8))
        .isEqualTo("{\"v\":2}");
  }

  /**
   * Remote crafting state is encrypted at rest (issue 19): the API gives it back as saved, and its
   * text is nowhere in the database: on PostgreSQL the row's bytes, on embedded Derby every file of
   * the data directory (the transaction log holds each row image at commit).
   */
  @Test
  void remoteStateIsEncryptedAtRest() throws Exception {
    String marker = "state-material-" + java.util.UUID.randomUUID();
    String state = "{\"materials\":{\"sbom\":\"" + marker + "\"}}";
    String run = initRun("encrypted-state", "p");
    String path = "/api/v1/attestations/" + run + "/state";
    var saved = api.put(path, "{\"state\":\"" + b64(state) + "\",\"baseDigest\":\"\"}");
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    assertThat(
            new String(
                Base64.getDecoder().decode(api.get(path).json().getString("state")),
                StandardCharsets.UTF_8))
        .isEqualTo(state);
    String jdbc = System.getProperty("chainloop.test.jdbc.url");
    if (jdbc != null) {
      try (var db =
              java.sql.DriverManager.getConnection(
                  jdbc,
                  System.getProperty("chainloop.test.jdbc.user"),
                  System.getProperty("chainloop.test.jdbc.password"));
          var q = db.prepareStatement("SELECT crafting_state FROM workflow_runs WHERE id = ?")) {
        q.setString(1, run);
        try (var rs = q.executeQuery()) {
          assertThat(rs.next()).isTrue();
          byte[] stored = rs.getBytes(1);
          assertThat(new String(stored, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("CLS1");
          assertThat(DataFiles.contains(stored, marker.getBytes(StandardCharsets.UTF_8))).isFalse();
        }
      }
    } else {
      Path derby = Path.of(System.getProperty("chainloop.test.data.dir"), "derby");
      assertThat(DataFiles.containing(derby, marker)).as("Derby files holding the state").isEmpty();
    }
  }
}
