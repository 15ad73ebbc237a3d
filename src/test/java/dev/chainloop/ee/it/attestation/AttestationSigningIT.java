package dev.chainloop.ee.it.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.cli.attestation.Bundles;
import dev.chainloop.ee.cli.attestation.Keys;
import dev.chainloop.ee.cli.attestation.Signers;
import dev.chainloop.ee.it.support.Cli;
import dev.chainloop.ee.it.support.Fixtures;
import dev.chainloop.ee.shared.Sha256;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Signing, storing and verifying: the seed flow, keyless and key-signed bundles, tampered or
 * incomplete pushes that store nothing, attestation materials, and the push metrics.
 */
class AttestationSigningIT extends AttestationPipelines {
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
    Cli.Result push =
        cli.run("att", "push", "--key", cli.signingKey().toString(), "--token", token);
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
      var r = store(runId, bad, pair.getPublic());
      assertThat(r.status()).as(r.toString()).isEqualTo(400);
      assertThat(r.header("Content-Type")).contains("application/problem+json");
      JsonObject details = api.get("/api/v1/workflow-runs/" + runId).json();
      assertThat(details.getJsonObject("run").getString("state")).isEqualTo("initialized");
      assertThat(details.get("run").asJsonObject().get("attestationDigest"))
          .isIn(null, JsonValue.NULL);
      assertThat(details.get("attestation")).isIn(null, JsonValue.NULL);
    }
    var ok = store(runId, good, pair.getPublic());
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(
            api.get("/api/v1/workflow-runs/" + runId)
                .json()
                .getJsonObject("run")
                .getString("attestationDigest"))
        .isEqualTo(ok.json().getString("digest"));
  }

  @Test
  void attestationMaterialsMustReferenceAStoredAttestation() throws Exception {
    Cli cli = new Cli();
    Path key = cli.signingKey();
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

    String storedDigest = Sha256.prefixed(Files.readAllBytes(stored));
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
    String unknownDigest = Sha256.prefixed(Files.readAllBytes(unknown));
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
            "/api/v1/artifacts/sha256:" + Sha256.hex(content),
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
                        StandardCharsets.UTF_8),
                    pair.getPublic())
                .status())
        .isEqualTo(200);
    String rejectedRun = initRun("metered", "p");
    assertThat(store(rejectedRun, "{}").status()).isEqualTo(400);

    assertThat(metric("chainloop_attestations_pushed_total")).isGreaterThanOrEqualTo(pushed + 1);
    assertThat(metric("chainloop_artifact_bytes_total"))
        .isGreaterThanOrEqualTo(bytes + content.length);
  }
}
