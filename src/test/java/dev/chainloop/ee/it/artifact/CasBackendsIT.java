package dev.chainloop.ee.it.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Cli;
import dev.chainloop.ee.it.support.DataFiles;
import dev.chainloop.ee.it.support.ExtraServer;
import dev.chainloop.ee.it.support.Fixtures;
import dev.chainloop.ee.it.support.OciRegistry;
import dev.chainloop.ee.it.support.RestartableServer;
import dev.chainloop.ee.it.support.S3Server;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 17, done-when 1, 3 and 5 for CAS backends: an organization adds an OCI backend (Debian's
 * docker-registry) and an S3 backend (s3proxy), each started here as its own process; each in turn
 * is the default while the real CLI pushes an attestation with a 50 MB artifact, which downloads
 * byte-identical and lies in that backend's own storage; a restart of the server keeps all of it;
 * {@code --max-bytes} is enforced; a backend that cannot be used is refused with the reason, and
 * one that stops working is marked Invalid by the periodic validation; credentials are in no
 * response, log or database file in clear. A server of its own (the run's {@link
 * RestartableServer}) so it can restart.
 */
@ExtendWith(RestartableServer.Extension.class)
class CasBackendsIT {
  private static final Path SERVICES = Path.of("target/it-cas-services").toAbsolutePath();
  private static final String REPO = "chainloop/cas";
  private static final String BUCKET = "chainloop-cas";
  private static final int FIFTY_MB = 50 * 1024 * 1024;

  private static RestartableServer server;
  private static String url;
  private static OciRegistry registry;
  private static S3Server s3;
  private static String userToken;
  private static String apiToken;
  private static Cli cli;

  @BeforeAll
  static void start(RestartableServer restartable) throws Exception {
    server = restartable;
    url = restartable.url();
    ExtraServer.deleteTree(SERVICES);
    String password = Fixtures.uniqueName("registry-pw");
    registry = OciRegistry.start(SERVICES.resolve("registry"), "cas-user", password);
    s3 = S3Server.start(SERVICES.resolve("s3"), "AKIA" + Fixtures.uniqueName("k"), secret());
    s3.createBucket(BUCKET);
    Fixtures.Account account = Fixtures.ownerWithOrg(url);
    userToken = account.userToken();
    apiToken = Fixtures.apiToken(account);
    cli = new Cli().env("CHAINLOOP_CONTROL_PLANE_API", url);
  }

  private static String secret() {
    return "s3-secret-" + Fixtures.uniqueName("x");
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (registry != null) {
        registry.close();
      }
    } finally {
      if (s3 != null) {
        s3.close();
      }
    }
  }

  @Test
  void ociAndS3BackendsHoldFiftyMegabyteArtifactsAcrossARestart() throws Exception {
    Cli.Result builtinOnly = owner("cas-backend", "list");
    builtinOnly.ok();
    assertThat(builtinOnly.stdout())
        .contains("│ NAME")
        .contains("│ builtin")
        .contains("BUILTIN")
        .contains("│ inline");

    Path before = artifact("before.bin", 1, 1024 * 1024);
    String beforeDigest = pushWith(before, "before");

    owner(
            "cas-backend",
            "add",
            "oci",
            "--name",
            "registry",
            "--repo",
            "http://" + registry.hostPort() + "/" + REPO,
            "--username",
            registry.user(),
            "--password",
            registry.password(),
            "--description",
            "the team's registry",
            "--default")
        .ok();
    owner(
            "cas-backend",
            "add",
            "aws-s3",
            "--name",
            "bucket",
            "--bucket",
            BUCKET,
            "--endpoint",
            s3.endpoint(),
            "--access-key-id",
            s3.accessKey(),
            "--secret-access-key",
            s3.secretKey(),
            "--region",
            "eu-west-1")
        .ok();
    Cli.Result listed = owner("cas-backend", "list", "--full");
    listed.ok();
    assertThat(listed.stdout())
        .contains("│ NAME ")
        .contains("│ VALIDATED AT")
        .contains("│ registry")
        .contains("│ bucket")
        .contains("AWS-S3")
        .doesNotContain("│ builtin");

    Path viaOci = artifact("oci.bin", 2, FIFTY_MB);
    String ociDigest = pushWith(viaOci, "oci");
    assertThat(registryBlob(ociDigest)).as("the blob in the registry's storage").exists();
    assertThat(Files.mismatch(registryBlob(ociDigest), viaOci)).isEqualTo(-1);
    assertThat(Files.exists(s3Object(ociDigest))).isFalse();

    owner("cas-backend", "update", "aws-s3", "--name", "bucket", "--default").ok();
    JsonArray items = jsonArray(owner("cas-backend", "list", "-o", "json").stdout());
    assertThat(
            items.stream()
                .map(v -> v.asJsonObject())
                .filter(b -> b.getBoolean("isDefault"))
                .map(b -> b.getString("name")))
        .containsExactly("bucket");

    Path viaS3 = artifact("s3.bin", 3, FIFTY_MB);
    String s3Digest = pushWith(viaS3, "s3");
    assertThat(Files.mismatch(s3Object(s3Digest), viaS3))
        .as("the object in s3proxy's directory")
        .isEqualTo(-1);
    assertThat(Files.exists(registryBlob(s3Digest))).isFalse();

    assertDownloads(before, beforeDigest);
    assertDownloads(viaOci, ociDigest);
    assertDownloads(viaS3, s3Digest);

    server.stop();
    server.start();
    assertDownloads(before, beforeDigest);
    assertDownloads(viaOci, ociDigest);
    assertDownloads(viaS3, s3Digest);
    assertThat(owner("cas-backend", "list").stdout()).contains("│ registry").contains("│ bucket");

    owner("cas-backend", "update", "aws-s3", "--name", "bucket", "--max-bytes", "1MB").ok();
    assertThat(owner("cas-backend", "list").stdout()).contains("MaxSize: 1M");
    Path big = artifact("big.bin", 4, 2 * 1024 * 1024);
    Cli.Result refused =
        cli.run("artifact", "upload", "--file", big.toString(), "--token", apiToken);
    assertThat(refused.exitCode()).as(refused.toString()).isNotZero();
    assertThat(refused.stderr())
        .contains("the artifact is over the limit of 1048576 bytes of CAS backend \"bucket\"");
    cli.run(
            "artifact",
            "upload",
            "--file",
            artifact("small.bin", 5, 512 * 1024).toString(),
            "--token",
            apiToken)
        .ok();

    Cli.Result inUse = owner("cas-backend", "delete", "--name", "registry");
    assertThat(inUse.exitCode()).isNotZero();
    assertThat(inUse.stderr()).contains("CAS backend \"registry\" holds 1 artifact(s)");

    // Done-when 3: no response, log line or database file holds a credential in clear.
    List<String> credentials = List.of(registry.password(), s3.secretKey(), s3.accessKey());
    String json = owner("cas-backend", "list", "-o", "json").stdout();
    Api.Reply rest = Api.withToken(userToken).on(url).get("/api/v1/cas-backends");
    for (String c : credentials) {
      assertThat(json).doesNotContain(c);
      assertThat(rest.toString()).doesNotContain(c);
      assertThat(Files.readString(server.messagesLog())).doesNotContain(c);
      assertThat(DataFiles.containing(server.dataDir(), c))
          .as("files holding a credential")
          .isEmpty();
    }
    Optional<String> jdbc = server.jdbcUrl();
    if (jdbc.isPresent()) {
      // On PostgreSQL the rows are not under the data directory: read every column of them.
      try (var db =
              java.sql.DriverManager.getConnection(
                  jdbc.get(),
                  System.getProperty("chainloop.test.jdbc.user"),
                  System.getProperty("chainloop.test.jdbc.password"));
          var q = db.createStatement();
          var rows = q.executeQuery("SELECT * FROM cas_backends")) {
        int count = 0;
        while (rows.next()) {
          count++;
          for (int col = 1; col <= rows.getMetaData().getColumnCount(); col++) {
            String value = rows.getString(col);
            for (String c : credentials) {
              assertThat(value == null ? "" : value).doesNotContain(c);
            }
          }
        }
        assertThat(count).as("the backends' rows").isGreaterThanOrEqualTo(2);
      }
    }
  }

  @Test
  void backendsThatCannotBeUsedAreRefusedWithTheReasonAndRevalidated() throws Exception {
    Cli.Result badPassword =
        owner(
            "cas-backend",
            "add",
            "oci",
            "--name",
            "wrong-password",
            "--repo",
            "http://" + registry.hostPort() + "/" + REPO,
            "-u",
            registry.user(),
            "-p",
            "not-the-password");
    assertThat(badPassword.exitCode()).isNotZero();
    assertThat(badPassword.stderr()).contains("location").contains("401").contains("UNAUTHORIZED");

    Cli.Result badSecret =
        owner(
            "cas-backend",
            "add",
            "aws-s3",
            "--name",
            "wrong-secret",
            "--bucket",
            BUCKET,
            "--endpoint",
            s3.endpoint(),
            "--access-key-id",
            s3.accessKey(),
            "--secret-access-key",
            "not-the-secret");
    assertThat(badSecret.exitCode()).isNotZero();
    assertThat(badSecret.stderr()).contains("403");
    assertThat(owner("cas-backend", "list").stdout())
        .doesNotContain("wrong-password")
        .doesNotContain("wrong-secret");

    // A second registry, added and then stopped: the periodic validation marks it Invalid.
    try (OciRegistry doomed =
        OciRegistry.start(SERVICES.resolve("doomed"), "doomed", "doomed-password")) {
      owner(
              "cas-backend",
              "add",
              "oci",
              "--name",
              "doomed",
              "--repo",
              "http://" + doomed.hostPort() + "/x",
              "-u",
              "doomed",
              "-p",
              "doomed-password")
          .ok();
    }
    await("doomed marked Invalid")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> backend("doomed").getString("validationStatus").equals("Invalid"));
    assertThat(backend("doomed").getString("validationError")).contains("not reachable");
    assertThat(owner("cas-backend", "list").stdout()).contains("Invalid");
    owner("cas-backend", "delete", "--name", "doomed").ok();
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static Cli.Result owner(String... args) {
    return cli.run(
        Stream.concat(Stream.of(args), Stream.of("--token", userToken, "-y"))
            .toArray(String[]::new));
  }

  private static JsonObject backend(String name) {
    return jsonArray(owner("cas-backend", "list", "-o", "json").stdout()).stream()
        .map(v -> v.asJsonObject())
        .filter(b -> b.getString("name").equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** A file of {@code size} pseudo-random bytes, written in pieces (never whole in memory). */
  private static Path artifact(String name, long seed, int size) throws IOException {
    Path file = cli.home().resolve(name);
    Random random = new Random(seed);
    byte[] chunk = new byte[1024 * 1024];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int left = size; left > 0; left -= chunk.length) {
        random.nextBytes(chunk);
        out.write(chunk, 0, Math.min(left, chunk.length));
      }
    }
    return file;
  }

  /** init, add the file as an ARTIFACT (uploaded to the default backend), push; its digest. */
  private static String pushWith(Path file, String workflow) throws Exception {
    cli.run(
            "att",
            "init",
            "--workflow",
            workflow,
            "--project",
            "storage",
            "--replace",
            "--token",
            apiToken)
        .ok();
    cli.run(
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
    cli.run("att", "push", "--key", cli.signingKey().toString(), "--token", apiToken).ok();
    return "sha256:" + sha256(file);
  }

  private static void assertDownloads(Path original, String digest) throws IOException {
    Path out = cli.home().resolve("download-" + digest.substring(7, 19) + ".bin");
    Files.deleteIfExists(out);
    cli.run(
            "artifact",
            "download",
            "--digest",
            digest,
            "--output",
            out.toString(),
            "--token",
            apiToken)
        .ok();
    assertThat(Files.mismatch(out, original)).as("downloaded " + digest).isEqualTo(-1);
  }

  /** Where docker-registry's filesystem driver keeps a blob. */
  private static Path registryBlob(String digest) {
    String hex = digest.substring("sha256:".length());
    return registry
        .storageDir()
        .resolve("docker/registry/v2/blobs/sha256")
        .resolve(hex.substring(0, 2))
        .resolve(hex)
        .resolve("data");
  }

  /** Where s3proxy's filesystem backend keeps an object of the bucket. */
  private static Path s3Object(String digest) {
    return s3.storageDir().resolve(BUCKET).resolve("sha256").resolve(digest.substring(7));
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static JsonArray jsonArray(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readArray();
    }
  }
}
