package dev.chainloop.ee.it.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Cli;
import dev.chainloop.ee.it.support.ExtraServer;
import dev.chainloop.ee.it.support.Fixtures;
import dev.chainloop.ee.it.support.WebhookReceiver;
import dev.chainloop.ee.it.support.WebhookReceiver.Received;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, done-when 2: a populated server (organization, API token, workflows, attestations with
 * artifacts through the real CLI, a keyless one among them) is backed up with {@code
 * scripts/backup} while a background thread keeps pushing; {@code scripts/restore} puts the backup
 * into a fresh data directory (and, in the PostgreSQL pass, a fresh database) for a new server,
 * which holds every attestation acknowledged before the backup started, each verifying with its
 * artifact byte-identical, and accepts the tokens and the keyless trust of before. The original
 * server is stopped before the restored one starts, so nothing is read from it.
 */
class BackupRestoreIT {
  private static final int BASE = URI.create(Api.BASE_URL).getPort() + 60;
  private static final Path DATA = Path.of("target/it-data-backup").toAbsolutePath();
  private static final Path RESTORED_DATA = Path.of("target/it-data-restored").toAbsolutePath();
  private static final Path BACKUPS = Path.of("target/it-backups").toAbsolutePath();
  private static final boolean POSTGRESQL = "postgresql".equals(System.getenv("DB_TYPE"));

  /** attestation digest -> the artifact file it carries, for every acknowledged push. */
  private static final Map<String, Path> acknowledged = new ConcurrentHashMap<>();

  private static final Queue<Received> delivered = new ConcurrentLinkedQueue<>();
  private static final String WEBHOOK_SECRET = Fixtures.uniqueName("sealed-secret");

  private static ExtraServer original;
  private static ExtraServer restored;
  private static String apiToken;
  private static String userToken;

  /** Gets the deliveries of integration "sealed", whose secret only the sealed row holds. */
  private static WebhookReceiver receiver;

  private static Map<String, Path> beforeBackup;
  private static Path keylessBundle;
  private static Path backup;
  private static Cli cli;

  @BeforeAll
  static void backUpUnderLoadAndRestore() throws Exception {
    ExtraServer.deleteTree(BACKUPS);
    if (POSTGRESQL) { // this test's own databases, empty whatever ran before in this cluster
      emptyDatabase("chainloop_backup");
      emptyDatabase("chainloop_restored");
    }
    original = server("chainloop-backup", BASE, DATA);
    original.start(database("_backup"));
    original.awaitReady(Duration.ofSeconds(300));
    String url = original.url();
    Fixtures.Account account = Fixtures.ownerWithOrg(url);
    userToken = account.userToken();
    apiToken = Fixtures.apiToken(account);
    Api owner = account.api();

    // A sealed credential in the database: the webhook's HMAC secret (SecretBox, the keys
    // directory).
    receiver = WebhookReceiver.start(0, delivered, exchange -> 200);
    Api.Reply sealed =
        owner.post(
            "/api/v1/integrations/registered",
            "{\"kind\":\"webhook\",\"name\":\"sealed\",\"options\":{\"url\":\""
                + receiver.url()
                + "/restored\",\"secret\":\""
                + WEBHOOK_SECRET
                + "\"}}");
    assertThat(sealed.status()).as(sealed.toString()).isEqualTo(201);

    cli = new Cli().env("CHAINLOOP_CONTROL_PLANE_API", url);
    for (int i = 0; i < 3; i++) {
      push(cli, "build-" + i, i);
    }
    keylessBundle = cli.home().resolve("keyless.json");
    cli.run("att", "init", "--workflow", "keyless", "--project", "backup", "--token", apiToken)
        .ok();
    cli.run("att", "add", "--value", "x", "--kind", "STRING", "--token", apiToken).ok();
    cli.run("att", "push", "--bundle", keylessBundle.toString(), "--token", apiToken).ok();

    AtomicBoolean loading = new AtomicBoolean(true);
    Cli loader = new Cli().env("CHAINLOOP_CONTROL_PLANE_API", url);
    Thread load =
        new Thread(
            () -> {
              for (int i = 100; loading.get(); i++) {
                push(loader, "load", i);
              }
            },
            "backup-load");
    load.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (acknowledged.size() < 6 && load.isAlive() && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(100);
    }
    beforeBackup = Map.copyOf(acknowledged);
    Map<String, String> backupEnv = new HashMap<>(database("_backup"));
    backupEnv.put("CHAINLOOP_URL", url);
    backup = Path.of(script("backup", backupEnv).trim());
    TimeUnit.SECONDS.sleep(1);
    loading.set(false);
    load.join(60_000);
    original.stop();

    Map<String, String> restoreEnv = new HashMap<>(database("_restored"));
    restoreEnv.put("CHAINLOOP_DATA_DIR", RESTORED_DATA.toString());
    restoreEnv.put("CHAINLOOP_KEYS_DIR", RESTORED_DATA.resolve("keys").toString());
    restored = server("chainloop-restored", BASE + 2, RESTORED_DATA);
    script("restore", restoreEnv, backup.toString());
    restored.start(database("_restored"));
    restored.awaitReady(Duration.ofSeconds(300));
    cli.env("CHAINLOOP_CONTROL_PLANE_API", restored.url());
  }

  @AfterAll
  static void stop() throws Exception {
    if (receiver != null) {
      receiver.close();
    }
    for (ExtraServer s : new ExtraServer[] {original, restored}) {
      if (s != null) {
        s.stop();
      }
    }
  }

  @Test
  void everyAttestationAcknowledgedBeforeTheBackupVerifiesOnTheRestoredServer() {
    assertThat(beforeBackup).hasSizeGreaterThanOrEqualTo(5);
    for (String digest : beforeBackup.keySet()) {
      Cli.Result described =
          cli.run("wf", "run", "describe", "--digest", digest, "--verify", "--token", apiToken);
      described.ok();
      assertThat(described.stdout().lines().filter(l -> l.contains("Verified")))
          .as(digest)
          .singleElement()
          .satisfies(line -> assertThat(line).contains("true"));
    }
  }

  @Test
  void everyRestoredAttestationIsWholeAndItsArtifactDownloadsByteIdentical() throws Exception {
    Api api = Api.withToken(apiToken).on(restored.url());
    JsonObject page = api.get("/api/v1/workflow-runs?status=SUCCEEDED&limit=100").json();
    List<String> found =
        page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
            .map(r -> r.getString("attestationDigest"))
            .collect(Collectors.toCollection(ArrayList::new));
    assertThat(found).containsAll(beforeBackup.keySet());
    for (String digest : found) {
      Api.Reply details = api.get("/api/v1/workflow-runs/by-digest/" + digest);
      assertThat(details.status()).as(details.toString()).isEqualTo(200);
      Path artifact = acknowledged.get(digest);
      if (artifact == null) {
        continue; // the keyless one carries a STRING only
      }
      Path out = cli.home().resolve("restored-" + artifact.getFileName());
      cli.run(
              "artifact",
              "download",
              "--digest",
              "sha256:" + sha256(artifact),
              "--output",
              out.toString(),
              "--token",
              apiToken)
          .ok();
      assertThat(Files.mismatch(out, artifact)).as(digest).isEqualTo(-1);
    }
  }

  @Test
  void anApiTokenFromBeforeTheBackupWorksOnTheRestoredServer() {
    Cli fresh = new Cli().env("CHAINLOOP_CONTROL_PLANE_API", restored.url());
    fresh
        .run("att", "init", "--workflow", "after", "--project", "backup", "--token", apiToken)
        .ok();
  }

  @Test
  void aKeylessAttestationFromBeforeVerifiesWithTheRestoredSigningCa() {
    cli.run("att", "verify", "--bundle", keylessBundle.toString()).ok();
  }

  @Test
  void aCredentialSealedBeforeTheBackupOpensOnTheRestoredServer() {
    Cli restoredCli = new Cli().env("CHAINLOOP_CONTROL_PLANE_API", restored.url());
    restoredCli
        .run("att", "init", "--workflow", "sealed", "--project", "backup", "--token", apiToken)
        .ok();
    restoredCli
        .run(
            "integration",
            "attached",
            "add",
            "--integration",
            "sealed",
            "--workflow",
            "sealed",
            "--project",
            "backup",
            "--token",
            userToken)
        .ok();
    restoredCli
        .run("att", "add", "--value", "sealed", "--kind", "STRING", "--token", apiToken)
        .ok();
    restoredCli
        .run("att", "push", "--key", restoredCli.signingKey().toString(), "--token", apiToken)
        .ok();
    await("the restored server's delivery to the webhook")
        .atMost(Duration.ofSeconds(90))
        .until(() -> delivered.stream().anyMatch(r -> r.path().equals("/restored")));
    assertThat(delivered)
        .as("signed with the secret sealed before the backup")
        .filteredOn(r -> r.path().equals("/restored"))
        .allMatch(r -> r.signedWith(WEBHOOK_SECRET));
  }

  @Test
  void theBackupIsSealedByItsManifestAndLeavesNoPartialDirectory() throws Exception {
    assertThat(backup.resolve("manifest.json")).exists();
    assertThat(backup.resolve(POSTGRESQL ? "database.dump" : "derby")).exists();
    assertThat(backup.resolve("keys/jwt-private.pem")).exists();
    assertThat(backup.resolve("keys/signing-ca-key.pem")).exists();
    try (var entries = Files.list(BACKUPS)) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .containsExactly(backup.getFileName().toString());
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static ExtraServer server(String name, int port, Path data) throws Exception {
    return ExtraServer.copyOfItServer(
        name,
        port,
        data,
        List.of("-Dchainloop.rate-limit.", "-Dchainloop.backup.dir"),
        List.of(
            "-Dchainloop.backup.dir=" + BACKUPS,
            "-Dchainloop.rate-limit.requests-per-second=1000",
            "-Dchainloop.rate-limit.burst=5000"));
  }

  /** On PostgreSQL, a database of this test's own (scripts/postgres creates it). */
  private static Map<String, String> database(String suffix) {
    return POSTGRESQL ? Map.of("DB_NAME", "chainloop" + suffix) : Map.of();
  }

  /** Drops every table of a database of this test's own (psql comes with scripts/postgres). */
  private static void emptyDatabase(String name) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                "psql",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                System.getenv("DB_HOST"),
                "-p",
                System.getenv("DB_PORT"),
                "-U",
                System.getenv("DB_USER"),
                "-d",
                name,
                "-c",
                "DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
            .redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", System.getenv("DB_PASSWORD"));
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("psql: " + out).isZero();
  }

  /** init, add a file of its own as an ARTIFACT, push; records the push once acknowledged. */
  private static void push(Cli with, String workflow, int seed) {
    try {
      Path file = with.home().resolve("artifact-" + seed + ".bin");
      byte[] bytes = new byte[64 * 1024 + seed];
      new Random(seed).nextBytes(bytes);
      Files.write(file, bytes);
      with.run(
              "att",
              "init",
              "--workflow",
              workflow,
              "--project",
              "backup",
              "--replace",
              "--token",
              apiToken)
          .ok();
      with.run(
              "att",
              "add",
              "--value",
              file.toString(),
              "--kind",
              "ARTIFACT",
              "--name",
              "payload",
              "--token",
              apiToken)
          .ok();
      Cli.Result pushed =
          with.run(
              "att",
              "push",
              "--key",
              with.signingKey().toString(),
              "-o",
              "json",
              "--token",
              apiToken);
      pushed.ok();
      try (var reader = Json.createReader(new StringReader(pushed.stdout()))) {
        acknowledged.put(reader.readObject().getString("digest"), file);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String script(String name, Map<String, String> env, String... args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of("scripts/" + name));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
    builder.environment().put("CHAINLOOP_DATA_DIR", DATA.toString());
    builder.environment().put("CHAINLOOP_BACKUP_DIR", BACKUPS.toString());
    builder.environment().putAll(env);
    Path err = Files.createTempFile("chainloop-" + name, ".err");
    Process p = builder.redirectError(err.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(name + ": " + out + Files.readString(err)).isZero();
    return out;
  }

  private static String sha256(Path file) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
