package dev.chainloop.ee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.cli.attestation.Bundles;
import dev.chainloop.ee.cli.attestation.Keys;
import dev.chainloop.ee.cli.attestation.Signers;
import dev.chainloop.ee.cli.attestation.Statement;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
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
 * The issue "Attestations end to end": each acceptance point against the started server, with the
 * real CLI in-process (one {@link Cli} per machine).
 */
class AttestationEndToEndIT {
  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final Fixtures.Account owner = Fixtures.ownerWithOrg();
  private final String token = Fixtures.apiToken(owner);
  private final Api api = Api.withToken(token);

  @Test
  void seedFlowCreatesTheWorkflowThenInitResolvesItByNameAndListShowsSuccess() throws Exception {
    Cli cli = new Cli();
    Cli.Result created =
        cli.run(
            "wf",
            "create",
            "--name",
            "release-demo-wf",
            "--project",
            "core",
            "--token",
            token,
            "--skip-robot-account-create");
    assertThat(created.exitCode()).as(created.toString()).isZero();
    Cli.Result init =
        cli.run("attestation", "init", "--workflow-name", "release-demo-wf", "--token", token);
    assertThat(init.exitCode()).as(init.toString()).isZero();
    assertThat(init.stdout()).contains("core");
    assertThat(
            cli.run("att", "add", "--value", "1.0", "--kind", "STRING", "--token", token)
                .exitCode())
        .isZero();
    Cli.Result push = cli.run("att", "push", "--key", signingKey(cli).toString(), "--token", token);
    assertThat(push.exitCode()).as(push.toString()).isZero();

    Cli.Result list = cli.run("wf", "list", "--token", token);
    String row =
        list.stdout().lines().filter(l -> l.contains("release-demo-wf")).findFirst().orElseThrow();
    assertThat(lastColumn(row)).isEqualTo("success");
  }

  @Test
  void keylessPushVerifiesAgainstTheTrustedRootAndOnlyInsideTheCertificateWindow()
      throws Exception {
    Cli cli = new Cli();
    assertThat(
            cli.run("att", "init", "--workflow", "kl", "--project", "p", "--token", token)
                .exitCode())
        .isZero();
    assertThat(
            cli.run("att", "add", "--value", "x", "--kind", "STRING", "--token", token).exitCode())
        .isZero();
    Path bundle = cli.home().resolve("keyless.json");
    Cli.Result push = cli.run("att", "push", "--bundle", bundle.toString(), "--token", token);
    assertThat(push.exitCode()).as(push.toString()).isZero();
    assertThat(new String(Files.readAllBytes(bundle), StandardCharsets.UTF_8))
        .contains("\"certificate\"");
    Cli.Result verified = cli.run("att", "verify", "--bundle", bundle.toString());
    assertThat(verified.exitCode()).as(verified.toString()).isZero();

    // A certificate of the same CA, but a statement claiming to be signed years later.
    KeyPair pair = Signers.ephemeralP256();
    var chain =
        api.post(
            "/api/v1/signing/certificates",
            "{\"publicKey\":\""
                + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())
                + "\"}");
    assertThat(chain.status()).as(chain.toString()).isEqualTo(200);
    var leaf = Keys.certificate(Keys.blocks(chain.json().getString("chain")).get(0).der());
    Path late = cli.home().resolve("late.json");
    Files.write(
        late,
        Bundles.sign(
            statement("00000000-0000-0000-0000-000000000000", "late", "2099-01-01T00:00:00Z"),
            pair.getPrivate(),
            pair.getPublic(),
            leaf));
    Cli.Result outside = cli.run("att", "verify", "--bundle", late.toString());
    assertThat(outside.exitCode()).isNotZero();
    assertThat(outside.stderr()).contains("not valid at the signing time 2099-01-01T00:00:00Z");
    Path inTime = cli.home().resolve("intime.json");
    Files.write(
        inTime,
        Bundles.sign(
            statement("00000000-0000-0000-0000-000000000000", "now", Instant.now().toString()),
            pair.getPrivate(),
            pair.getPublic(),
            leaf));
    assertThat(cli.run("att", "verify", "--bundle", inTime.toString()).exitCode()).isZero();
  }

  @Test
  void rejectedBundlesStoreNothingAndALaterValidPushSucceeds() throws Exception {
    String runId = initRun("guarded", "p");
    KeyPair pair = Signers.ephemeralP256();
    KeyPair other = Signers.ephemeralP256();
    String good =
        new String(
            Bundles.sign(statement(runId, "g"), pair.getPrivate(), pair.getPublic(), null),
            StandardCharsets.UTF_8);

    String tamperedPayload = tamperPayload(good);
    String swappedType = good.replace("application/vnd.in-toto+json", "application/json");
    String otherKey =
        new String(
            Bundles.sign(statement(runId, "g"), other.getPrivate(), pair.getPublic(), null),
            StandardCharsets.UTF_8);
    for (String bad : List.of(tamperedPayload, swappedType, otherKey)) {
      var r = store(runId, bad);
      assertThat(r.status()).as(r.toString()).isEqualTo(400);
      assertThat(r.header("Content-Type")).contains("application/problem+json");
      JsonObject details = api.get("/api/v1/workflow-runs/" + runId).json();
      assertThat(details.getJsonObject("run").getString("state")).isEqualTo("initialized");
      assertThat(details.get("run").asJsonObject().get("attestationDigest"))
          .isIn(null, JsonValue.NULL);
      assertThat(details.get("attestation")).isIn(null, JsonValue.NULL);
    }
    var ok = store(runId, good);
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(
            api.get("/api/v1/workflow-runs/" + runId)
                .json()
                .getJsonObject("run")
                .getString("attestationDigest"))
        .isEqualTo(ok.json().getString("digest"));
  }

  @Test
  void pushWithoutRequiredContractMaterialsFailsWithOneLineNamingThem() throws Exception {
    Cli cli = new Cli();
    Path contract = cli.home().resolve("contract.yaml");
    Files.writeString(
        contract,
        "apiVersion: chainloop.dev/v1\nkind: Contract\nmetadata:\n  name: strict\n"
            + "spec:\n  materials:\n    - type: ARTIFACT\n      name: binary\n"
            + "    - type: SBOM_CYCLONEDX_JSON\n      name: sbom\n"
            + "    - type: STRING\n      name: notes\n      optional: true\n");
    assertThat(
            cli.run("wf", "contract", "create", "-f", contract.toString(), "--token", token)
                .exitCode())
        .isZero();
    assertThat(
            cli.run(
                    "wf",
                    "create",
                    "--name",
                    "strict-wf",
                    "--project",
                    "p",
                    "--contract",
                    "strict",
                    "-s",
                    "--token",
                    token)
                .exitCode())
        .isZero();
    assertThat(cli.run("att", "init", "--workflow", "strict-wf", "--token", token).exitCode())
        .isZero();
    Cli.Result push = cli.run("att", "push", "--key", signingKey(cli).toString(), "--token", token);
    assertThat(push.exitCode()).isNotZero();
    assertThat(push.stderr().lines().filter(l -> !l.startsWith("INF "))).hasSize(1);
    assertThat(push.stderr())
        .contains("binary (ARTIFACT)")
        .contains("sbom (SBOM_CYCLONEDX_JSON)")
        .doesNotContain("notes");
  }

  @Test
  void aWrongFormatSbomIsOneClearLine() throws Exception {
    Cli cli = new Cli();
    assertThat(
            cli.run("att", "init", "--workflow", "sb", "--project", "p", "--token", token)
                .exitCode())
        .isZero();
    Path notSbom = cli.home().resolve("package.json");
    Files.writeString(notSbom, "{\"name\":\"app\",\"version\":\"1.0.0\"}");
    Cli.Result add =
        cli.run(
            "att",
            "add",
            "--value",
            notSbom.toString(),
            "--kind",
            "SBOM_CYCLONEDX_JSON",
            "--token",
            token);
    assertThat(add.exitCode()).isNotZero();
    assertThat(add.stderr().lines().filter(l -> !l.startsWith("INF "))).hasSize(1);
    assertThat(add.stderr())
        .contains("invalid material of kind SBOM_CYCLONEDX_JSON")
        .contains("not a CycloneDX JSON SBOM");
  }

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
    String sharedDigest = "sha256:" + Statement.sha256Hex(shared);
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
                          "/api/v1/attestations/" + runId + "/store",
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
    String last = "";
    for (int i = 0; i < 40 && !last.equals("expired"); i++) {
      Thread.sleep(1000);
      last =
          cli.run("wf", "list", "--token", token)
              .stdout()
              .lines()
              .filter(l -> l.contains("abandoned"))
              .map(AttestationEndToEndIT::lastColumn)
              .findFirst()
              .orElse("");
    }
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
      assertThat(store(run, new String(b, StandardCharsets.UTF_8)).status()).isEqualTo(200);
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
    assertThat(failed.stdout().lines().filter(l -> l.contains("CANCELLED"))).hasSize(2);
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
    Cli.Result push = cli.run("att", "push", "--key", signingKey(cli).toString(), "--token", robot);
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
            signingKey(second).toString(),
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

  @Test
  void attestationMaterialsMustReferenceAStoredAttestation() throws Exception {
    Cli cli = new Cli();
    Path key = signingKey(cli);
    initWithCli(cli, "chained");
    cli.run("att", "add", "--value", "a", "--kind", "STRING", "--token", token);
    Path stored = cli.home().resolve("stored.json");
    assertThat(
            cli.run(
                    "att",
                    "push",
                    "--key",
                    key.toString(),
                    "--bundle",
                    stored.toString(),
                    "--token",
                    token)
                .exitCode())
        .isZero();

    String storedDigest = "sha256:" + Statement.sha256Hex(Files.readAllBytes(stored));
    Cli.Result strings =
        cli.run("discover", "--digest", storedDigest, "--kind", "STRING", "--token", token);
    assertThat(strings.exitCode()).as(strings.toString()).isZero();
    assertThat(strings.stdout()).contains("\"STRING\"").doesNotContain("\"SUBJECT\"");
    Cli.Result firstPage =
        cli.run("discover", "--digest", storedDigest, "--limit", "1", "--token", token);
    Matcher next = Pattern.compile("INF --next (\\S+)").matcher(firstPage.stderr());
    assertThat(next.find()).as(firstPage.toString()).isTrue();
    Cli.Result secondPage =
        cli.run(
            "discover",
            "--digest",
            storedDigest,
            "--limit",
            "1",
            "--next",
            next.group(1),
            "--token",
            token);
    assertThat(secondPage.exitCode()).as(secondPage.toString()).isZero();
    assertThat(secondPage.stdout()).isNotEqualTo(firstPage.stdout());

    initWithCli(cli, "chained");
    assertThat(
            cli.run(
                    "att",
                    "add",
                    "--value",
                    stored.toString(),
                    "--kind",
                    "ATTESTATION",
                    "--name",
                    "upstream",
                    "--token",
                    token)
                .exitCode())
        .isZero();
    Cli.Result ok = cli.run("att", "push", "--key", key.toString(), "--token", token);
    assertThat(ok.exitCode()).as(ok.toString()).isZero();

    KeyPair pair = Signers.ephemeralP256();
    Path unknown = cli.home().resolve("unknown.json");
    Files.write(
        unknown,
        Bundles.sign(
            statement(initRun("elsewhere", "p"), "u"), pair.getPrivate(), pair.getPublic(), null));
    String unknownDigest = "sha256:" + Statement.sha256Hex(Files.readAllBytes(unknown));
    String runId = initWithCli(cli, "chained");
    assertThat(
            cli.run(
                    "att",
                    "add",
                    "--value",
                    unknown.toString(),
                    "--kind",
                    "ATTESTATION",
                    "--name",
                    "upstream",
                    "--token",
                    token)
                .exitCode())
        .isZero();
    Cli.Result refused = cli.run("att", "push", "--key", key.toString(), "--token", token);
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.stderr().lines().filter(l -> !l.startsWith("INF "))).hasSize(1);
    assertThat(refused.stderr())
        .contains("material upstream references attestation " + unknownDigest)
        .contains("not stored");
    assertThat(
            api.get("/api/v1/workflow-runs/" + runId)
                .json()
                .getJsonObject("run")
                .getString("state"))
        .isEqualTo("initialized");
  }

  @Test
  void metricsCountPushedAttestationsAndArtifactBytes() throws Exception {
    double pushed = metric("chainloop_attestations_pushed_total");
    double bytes = metric("chainloop_artifact_bytes_total");
    byte[] content = ("metered-" + Fixtures.uniqueName("m")).getBytes(StandardCharsets.UTF_8);
    var upload =
        api.send(
            "PUT",
            "/api/v1/artifacts/sha256:" + Statement.sha256Hex(content),
            new String(content, StandardCharsets.UTF_8),
            "application/octet-stream");
    assertThat(upload.status()).as(upload.toString()).isIn(200, 201);
    String run = initRun("metered", "p");
    KeyPair pair = Signers.ephemeralP256();
    assertThat(
            store(
                    run,
                    new String(
                        Bundles.sign(
                            statement(run, "m"), pair.getPrivate(), pair.getPublic(), null),
                        StandardCharsets.UTF_8))
                .status())
        .isEqualTo(200);
    String rejectedRun = initRun("metered", "p");
    assertThat(store(rejectedRun, "{}").status()).isEqualTo(400);

    assertThat(metric("chainloop_attestations_pushed_total")).isGreaterThanOrEqualTo(pushed + 1);
    assertThat(metric("chainloop_artifact_bytes_total"))
        .isGreaterThanOrEqualTo(bytes + content.length);
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static double metric(String name) {
    var r = Api.anonymous().get("/metrics");
    assertThat(r.status()).isEqualTo(200);
    Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(r.body());
    return m.find() ? Double.parseDouble(m.group(2)) : 0;
  }

  private String initRun(String workflow, String project) {
    var init =
        api.post(
            "/api/v1/attestations/init",
            "{\"workflow\":\"" + workflow + "\",\"project\":\"" + project + "\"}");
    assertThat(init.status()).as(init.toString()).isEqualTo(200);
    return init.json().getString("attestationId");
  }

  private String initWithCli(Cli cli, String workflow) {
    Cli.Result init =
        cli.run(
            "att", "init", "--workflow", workflow, "--project", "p", "--replace", "--token", token);
    assertThat(init.exitCode()).as(init.toString()).isZero();
    Matcher m = UUID.matcher(init.stdout());
    assertThat(m.find()).isTrue();
    return m.group();
  }

  private Api.Reply store(String runId, String bundle) {
    return api.send("POST", "/api/v1/attestations/" + runId + "/store", bundle, "application/json");
  }

  private static Path signingKey(Cli cli) throws IOException {
    Path key = cli.home().resolve("cosign.key");
    if (!Files.exists(key)) {
      KeyPair pair = Signers.ephemeralP256();
      Files.writeString(
          key,
          Keys.pem("PRIVATE KEY", pair.getPrivate().getEncoded())
              + Keys.pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }
    return key;
  }

  private static String lastColumn(String tableRow) {
    String[] cells = tableRow.split("│");
    return cells[cells.length - 1].isBlank() && cells.length > 1
        ? cells[cells.length - 2].trim()
        : cells[cells.length - 1].trim();
  }

  private static String tamperPayload(String bundle) {
    int i = bundle.indexOf("\"payload\":\"") + 20;
    char c = bundle.charAt(i);
    return bundle.substring(0, i) + (c == 'A' ? 'B' : 'A') + bundle.substring(i + 1);
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] statement(String runId, String salt) {
    return statement(runId, salt, Instant.now().toString());
  }

  private static byte[] statement(String runId, String salt, String finishedAt) {
    String hex = Statement.sha256Hex(salt.getBytes(StandardCharsets.UTF_8));
    return ("{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"x\",\"digest\":{\"sha256\":\""
            + hex
            + "\"}}],\"predicateType\":\"chainloop.dev/attestation/v0.2\",\"predicate\":{\"metadata\":{\"workflowRunID\":\""
            + runId
            + "\",\"finishedAt\":\""
            + finishedAt
            + "\"}}}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
