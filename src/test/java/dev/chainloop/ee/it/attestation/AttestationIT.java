package dev.chainloop.ee.it.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.cli.Main;
import dev.chainloop.ee.cli.attestation.Bundles;
import dev.chainloop.ee.cli.attestation.Keys;
import dev.chainloop.ee.cli.attestation.Signers;
import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Attestations;
import dev.chainloop.ee.it.support.Fixtures;
import dev.chainloop.ee.shared.Sha256;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CLI, in-process, against the started server: init, add, push, verify, download,
 * discover.
 */
class AttestationIT {
  @TempDir Path home;

  record Run(int code, String out, String err) {}

  private Run cli(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(args, env, new ByteArrayInputStream(new byte[0]), o, e);
    }
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Map<String, String> env() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("CHAINLOOP_CONTROL_PLANE_API", Api.BASE_URL);
    env.put("HOME", home.toString());
    env.put("XDG_CONFIG_HOME", home.resolve("xdg").toString());
    Files.createDirectories(home.resolve("tmp"));
    env.put("TMPDIR", home.resolve("tmp").toString());
    return env;
  }

  @Test
  void seedFlowSignsPushesVerifiesAndDiscovers() throws Exception {
    var account = Fixtures.ownerWithOrg();
    String token = Fixtures.apiToken(account);
    Map<String, String> env = env();
    String wf = "release-demo-wf";

    Run first =
        cli(env, "attestation", "init", "--workflow", wf, "--project", "core", "--token", token);
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(cli(env, "attestation", "init", "--workflow", wf, "--token", token).err())
        .contains("attestation already initialized, to override it use the --replace flag");
    assertThat(cli(env, "attestation", "reset", "--token", token).code()).isZero();

    Run init = cli(env, "attestation", "init", "--workflow-name", wf, "--token", token);
    assertThat(init.code()).as(init.err()).isZero();
    assertThat(init.err())
        .contains(
            "INF Attestation initialized! now you can check its status or add materials to it");
    String[] lines = init.out().split("\n");
    assertThat(lines[0]).startsWith("┌───────────────────┬");
    assertThat(lines[1]).startsWith("│ Initialized At    │ ");
    assertThat(lines[3]).matches("│ Attestation ID    │ [0-9a-f-]{36} │");
    assertThat(lines[4]).isEqualTo("│ Name              │ release-demo-wf                      │");
    assertThat(lines[5]).isEqualTo("│ Team              │                                      │");
    assertThat(lines[6]).isEqualTo("│ Project           │ core                                 │");
    assertThat(lines[7]).isEqualTo("│ Contract Revision │ 1                                    │");

    Path artifact = home.resolve("app.bin");
    Files.write(artifact, "binary-content-".repeat(1000).getBytes(StandardCharsets.UTF_8));
    Path sbom = home.resolve("sbom.cdx.json");
    Files.writeString(
        sbom, "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"components\":[]}");
    Path junit = home.resolve("junit.xml");
    Files.writeString(
        junit,
        "<?xml version=\"1.0\"?><testsuite name=\"t\" tests=\"1\"><testcase name=\"a\"/></testsuite>");
    assertThat(
            cli(
                    env, "att", "add", "--value", "1.2.3", "--kind", "STRING", "--name", "version",
                    "--token", token)
                .code())
        .isZero();
    Run add =
        cli(
            env,
            "att",
            "add",
            "--value",
            artifact.toString(),
            "--kind",
            "ARTIFACT",
            "--name",
            "app",
            "--token",
            token);
    assertThat(add.code()).as(add.err()).isZero();
    assertThat(add.err()).contains("INF material(s) added to attestation");
    assertThat(cli(env, "att", "add", "--value", sbom.toString(), "--token", token).out())
        .contains("SBOM_CYCLONEDX_JSON");
    assertThat(cli(env, "att", "add", "--value", junit.toString(), "--token", token).out())
        .contains("JUNIT_XML");
    assertThat(
            cli(
                    env,
                    "att",
                    "add",
                    "--value",
                    junit.toString(),
                    "--kind",
                    "SBOM_CYCLONEDX_JSON",
                    "--token",
                    token)
                .code())
        .isNotZero();
    assertThat(cli(env, "att", "status", "--full", "--token", token).out())
        .contains("app")
        .contains("1.2.3");

    KeyPair pair = Signers.ephemeralP256();
    Path key = home.resolve("cosign.key");
    Files.writeString(
        key,
        Keys.pem("PRIVATE KEY", pair.getPrivate().getEncoded())
            + Keys.pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    Path pub = home.resolve("cosign.pub");
    Files.writeString(pub, Keys.pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    Path bundle = home.resolve("bundle.json");
    Run push =
        cli(
            env,
            "att",
            "push",
            "--key",
            key.toString(),
            "--bundle",
            bundle.toString(),
            "--token",
            token);
    assertThat(push.code()).as(push.err()).isZero();
    assertThat(push.out()).contains("Digest");
    String digest = Sha256.prefixed(Files.readAllBytes(bundle));
    assertThat(push.out()).contains(digest);
    assertThat(Files.exists(home.resolve("tmp").resolve("chainloop-attestation.tmp.json")))
        .isFalse();

    assertThat(
            cli(env, "att", "verify", "--bundle", bundle.toString(), "--key", pub.toString())
                .code())
        .isZero();
    byte[] tampered = Files.readAllBytes(bundle);
    int i = new String(tampered, StandardCharsets.UTF_8).indexOf("\"payload\":\"") + 20;
    tampered[i] = (byte) (tampered[i] == 'A' ? 'B' : 'A');
    Path bad = home.resolve("bad.json");
    Files.write(bad, tampered);
    assertThat(
            cli(env, "att", "verify", "--bundle", bad.toString(), "--key", pub.toString()).code())
        .isNotZero();

    String artifactDigest = Sha256.prefixed(Files.readAllBytes(artifact));
    Path out = home.resolve("downloaded.bin");
    Run dl =
        cli(
            env,
            "artifact",
            "download",
            "--digest",
            artifactDigest,
            "--output",
            out.toString(),
            "--token",
            token);
    assertThat(dl.code()).as(dl.err()).isZero();
    assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(artifact));

    Run discover = cli(env, "discover", "--digest", artifactDigest, "--token", token);
    assertThat(discover.code()).as(discover.err()).isZero();
    assertThat(discover.out()).contains(digest);
    Run list = cli(env, "workflow", "workflow-run", "list", "--token", token);
    assertThat(list.out()).contains("success").contains("core/release-demo-wf");
    assertThat(list.out()).doesNotContain("SUCCEEDED").doesNotContain("GITHUB_ACTION");
    Run describe =
        cli(env, "wf", "run", "describe", "--digest", digest, "--verify", "--token", token);
    assertThat(describe.out()).contains("Verified").contains("true");

    // keyless
    assertThat(cli(env, "att", "init", "--workflow", wf, "--token", token).code()).isZero();
    assertThat(cli(env, "att", "add", "--value", "x", "--kind", "STRING", "--token", token).code())
        .isZero();
    Path keyless = home.resolve("keyless.json");
    Run kpush = cli(env, "att", "push", "--bundle", keyless.toString(), "--token", token);
    assertThat(kpush.code()).as(kpush.err()).isZero();
    Run kverify = cli(env, "att", "verify", "--bundle", keyless.toString());
    assertThat(kverify.code()).as(kverify.err()).isZero();
  }

  @Test
  void storeIsIdempotentForIdenticalBytesAndRejectsOthers() throws Exception {
    var account = Fixtures.ownerWithOrg();
    Api api = Api.withToken(Fixtures.apiToken(account));
    var init = api.post("/api/v1/attestations/init", "{\"workflow\":\"wf-a\",\"project\":\"p1\"}");
    assertThat(init.status()).as(init.toString()).isEqualTo(200);
    String runId = init.json().getString("attestationId");
    KeyPair pair = Signers.ephemeralP256();
    byte[] bundle = Bundles.sign(statement(runId, "a"), pair.getPrivate(), pair.getPublic(), null);
    var stored =
        api.send(
            "POST",
            Attestations.storePath(runId, pair.getPublic()),
            new String(bundle, StandardCharsets.UTF_8),
            "application/json");
    assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
    var again =
        api.send(
            "POST",
            Attestations.storePath(runId, pair.getPublic()),
            new String(bundle, StandardCharsets.UTF_8),
            "application/json");
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.json().getString("digest")).isEqualTo(stored.json().getString("digest"));
    byte[] other = Bundles.sign(statement(runId, "b"), pair.getPrivate(), pair.getPublic(), null);
    assertThat(
            api.send(
                    "POST",
                    Attestations.storePath(runId, pair.getPublic()),
                    new String(other, StandardCharsets.UTF_8),
                    "application/json")
                .status())
        .isEqualTo(409);

    Api stranger = Api.withToken(Fixtures.apiToken(Fixtures.ownerWithOrg()));
    assertThat(
            stranger
                .send(
                    "POST",
                    Attestations.storePath(runId, pair.getPublic()),
                    new String(bundle, StandardCharsets.UTF_8),
                    "application/json")
                .status())
        .isEqualTo(404);

    String run2 =
        api.post("/api/v1/attestations/init", "{\"workflow\":\"wf-a\",\"project\":\"p1\"}")
            .json()
            .getString("attestationId");
    KeyPair otherKey = Signers.ephemeralP256();
    byte[] good = Bundles.sign(statement(run2, "c"), pair.getPrivate(), pair.getPublic(), null);
    // the bundle's hint names pair's key: another key beside it is refused
    assertThat(
            api.send(
                    "POST",
                    Attestations.storePath(run2, otherKey.getPublic()),
                    new String(good, StandardCharsets.UTF_8),
                    "application/json")
                .status())
        .isEqualTo(400);
    String swappedType =
        new String(good, StandardCharsets.UTF_8)
            .replace("application/vnd.in-toto+json", "text/plain");
    assertThat(
            api.send(
                    "POST",
                    Attestations.storePath(run2, pair.getPublic()),
                    swappedType,
                    "application/json")
                .status())
        .isEqualTo(400);
    assertThat(
            api.get("/api/v1/workflow-runs/" + run2).json().getJsonObject("run").getString("state"))
        .isEqualTo("initialized");
    assertThat(
            api.post("/api/v1/attestations/" + run2 + "/cancel", "{\"trigger\":\"cancellation\"}")
                .status())
        .isEqualTo(204);
    assertThat(
            api.send(
                    "POST",
                    Attestations.storePath(run2, pair.getPublic()),
                    new String(good, StandardCharsets.UTF_8),
                    "application/json")
                .status())
        .isEqualTo(409);
  }

  @Test
  void artifactsOverTheLimitAreRefusedWithContentLengthAndChunked() throws Exception {
    String token = Fixtures.apiToken(Fixtures.ownerWithOrg());
    byte[] big = new byte[3 * 1024 * 1024 + 1];
    String digest = Sha256.prefixed(big);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    var sized =
        HttpRequest.newBuilder(URI.create(Api.BASE_URL + "/api/v1/artifacts/" + digest))
            .header("Authorization", "Bearer " + token)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(big))
            .build();
    assertThat(http.send(sized, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(413);
    var chunked =
        HttpRequest.newBuilder(URI.create(Api.BASE_URL + "/api/v1/artifacts/" + digest))
            .header("Authorization", "Bearer " + token)
            .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
            .build();
    assertThat(http.send(chunked, HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(413);
  }

  private static byte[] statement(String runId, String salt) {
    String hex = Sha256.hex(salt.getBytes(StandardCharsets.UTF_8));
    return ("{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"x\",\"digest\":{\"sha256\":\""
            + hex
            + "\"}}],\"predicateType\":\"chainloop.dev/attestation/v0.2\",\"predicate\":{\"metadata\":{\"workflowRunID\":\""
            + runId
            + "\"}}}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
