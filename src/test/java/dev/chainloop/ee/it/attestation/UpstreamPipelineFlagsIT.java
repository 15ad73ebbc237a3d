package dev.chainloop.ee.it.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.chainloop.ee.cli.attestation.Bundles;
import dev.chainloop.ee.cli.attestation.Keys;
import dev.chainloop.ee.cli.attestation.Signers;
import dev.chainloop.ee.it.support.Cli;
import dev.chainloop.ee.shared.Dsse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Flags and contract terms upstream pipelines rely on: {@code attestation verify --bundle URL},
 * {@code workflow run describe --key/--cert/-d/-o payload-pae}, {@code push
 * --deactivate-ci-report}, and a contract's {@code annotations} and {@code envAllowList}.
 */
class UpstreamPipelineFlagsIT extends AttestationPipelines {
  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

  /** Runs init, adds one string and pushes with {@code pushArgs}; answers the push result. */
  private Cli.Result attest(Cli cli, String workflow, String... pushArgs) {
    initWithCli(cli, workflow);
    Cli.Result add = cli.run("att", "add", "--value", "v1", "--kind", "STRING", "--token", token);
    assertThat(add.exitCode()).as(add.toString()).isZero();
    String[] args = new String[pushArgs.length + 4];
    args[0] = "att";
    args[1] = "push";
    System.arraycopy(pushArgs, 0, args, 2, pushArgs.length);
    args[args.length - 2] = "--token";
    args[args.length - 1] = token;
    return cli.run(args);
  }

  private static String digestOf(Cli.Result push) {
    Matcher m = DIGEST.matcher(push.stdout());
    assertThat(m.find()).as(push.toString()).isTrue();
    return m.group();
  }

  private static JsonObject json(String text) {
    try (var r = Json.createReader(new StringReader(text))) {
      return r.readObject();
    }
  }

  @Test
  void verifyReadsTheBundleFromAnHttpUrlAndNamesAMissingOne() throws Exception {
    Cli cli = new Cli();
    Path bundle = cli.home().resolve("bundle.json");
    Cli.Result push = attest(cli, "verify-url", "--bundle", bundle.toString());
    assertThat(push.exitCode()).as(push.toString()).isZero();
    byte[] body = Files.readAllBytes(bundle);

    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/attestation.json",
        exchange -> {
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      Cli.Result ok = cli.run("att", "verify", "-b", base + "/attestation.json");
      assertThat(ok.exitCode()).as(ok.toString()).isZero();
      assertThat(ok.stderr()).contains("attestation verified");

      Cli.Result missing = cli.run("att", "verify", "--bundle", base + "/nope.json");
      assertThat(missing.exitCode()).isNotZero();
      assertThat(missing.stderr().lines().toList())
          .as(missing.toString())
          .singleElement()
          .asString()
          .contains("cannot download the bundle from " + base + "/nope.json: HTTP 404");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void runDescribeVerifiesWithACosignPublicKeyAndPrintsUpstreamsFormats() throws Exception {
    Cli cli = new Cli();
    Path key = cli.signingKey();
    Cli.Result push =
        attest(cli, "describe-key", "--key", key.toString(), "--deactivate-ci-report");
    assertThat(push.exitCode()).as(push.toString()).isZero();
    String digest = digestOf(push);
    // the public half, as `cosign public-key` prints it
    Path pub = cli.home().resolve("cosign.pub");
    Files.writeString(
        pub, Keys.pem("PUBLIC KEY", Keys.publicKey(Files.readString(key)).getEncoded()));

    Cli.Result verified =
        cli.run(
            "wf",
            "run",
            "describe",
            "-d",
            digest,
            "--verify",
            "--key",
            pub.toString(),
            "--token",
            token);
    assertThat(verified.exitCode()).as(verified.toString()).isZero();
    assertThat(verified.stdout()).containsPattern("Verified\\s*│\\s*true");

    KeyPair other = Signers.ephemeralP256();
    Path wrong = cli.home().resolve("other.pub");
    Files.writeString(wrong, Keys.pem("PUBLIC KEY", other.getPublic().getEncoded()));
    Cli.Result refused =
        cli.env("CHAINLOOP_SIGNING_PUBLIC_KEY", wrong.toString())
            .run(
                "workflow",
                "workflow-run",
                "describe",
                "--digest",
                digest,
                "--verify",
                "--token",
                token);
    cli.env("CHAINLOOP_SIGNING_PUBLIC_KEY", null);
    assertThat(refused.exitCode()).as(refused.toString()).isNotZero();
    assertThat(refused.stderr())
        .contains("attestation verification failed: the signature does not verify");

    Cli.Result attestation =
        cli.run("wf", "run", "describe", "-d", digest, "-o", "attestation", "--token", token);
    assertThat(attestation.exitCode()).as(attestation.toString()).isZero();
    JsonObject bundle = json(attestation.stdout());
    JsonObject envelope = bundle.getJsonObject("dsseEnvelope");
    byte[] payload = Base64.getDecoder().decode(envelope.getString("payload"));

    Cli.Result pae =
        cli.run("wf", "run", "describe", "-d", digest, "-o", "payload-pae", "--token", token);
    assertThat(pae.exitCode()).as(pae.toString()).isZero();
    assertThat(pae.stdout())
        .isEqualTo(
            new String(
                Dsse.pae(envelope.getString("payloadType"), payload), StandardCharsets.UTF_8))
        .startsWith("DSSEv1 28 application/vnd.in-toto+json ");

    Cli.Result statement =
        cli.run("wf", "run", "describe", "-d", digest, "-o", "statement", "--token", token);
    assertThat(json(statement.stdout()))
        .isEqualTo(json(new String(payload, StandardCharsets.UTF_8)));
  }

  @Test
  void runDescribeVerifiesAKeylessAttestationWithItsCertificateAndChain() throws Exception {
    Cli cli = new Cli();
    Path bundleFile = cli.home().resolve("keyless.json");
    Cli.Result push = attest(cli, "describe-cert", "--bundle", bundleFile.toString());
    assertThat(push.exitCode()).as(push.toString()).isZero();
    String digest = digestOf(push);
    JsonObject bundle = Bundles.parse(Files.readAllBytes(bundleFile));
    Path cert = cli.home().resolve("leaf.pem");
    Files.writeString(
        cert,
        Keys.pem(
            "CERTIFICATE",
            Base64.getDecoder()
                .decode(
                    bundle
                        .getJsonObject("verificationMaterial")
                        .getJsonObject("certificate")
                        .getString("rawBytes"))));
    Path chain = cli.home().resolve("chain.pem");
    Files.writeString(
        chain, api.get("/api/v1/signing/trusted-root").json().getString("certificate"));

    Cli.Result ok =
        cli.run(
            "wf",
            "run",
            "describe",
            "-d",
            digest,
            "--verify",
            "--cert",
            cert.toString(),
            "--cert-chain",
            chain.toString(),
            "--token",
            token);
    assertThat(ok.exitCode()).as(ok.toString()).isZero();
    assertThat(ok.stdout()).containsPattern("Verified\\s*│\\s*true");

    Path notItsIssuer = cli.home().resolve("not-its-issuer.pem");
    Files.writeString(notItsIssuer, Files.readString(cert));
    Cli.Result refused =
        cli.run(
            "wf",
            "run",
            "describe",
            "-d",
            digest,
            "--verify",
            "--cert",
            cert.toString(),
            "--cert-chain",
            notItsIssuer.toString(),
            "--token",
            token);
    assertThat(refused.exitCode()).as(refused.toString()).isNotZero();
    assertThat(refused.stderr()).contains("is not issued by");
  }

  /** A workflow in project p whose contract requires annotations and an environment variable. */
  private void contractWithTerms(Cli cli, String workflow) throws Exception {
    Path contract = cli.home().resolve("terms.yaml");
    Files.writeString(
        contract,
        "apiVersion: chainloop.dev/v1\nkind: Contract\nmetadata:\n  name: "
            + workflow
            + "\nspec:\n  annotations:\n    - name: owner\n    - name: tier\n      value: gold\n"
            + "  envAllowList:\n    - BUILD_ID\n");
    Cli.Result wf =
        cli.run(
            "wf",
            "create",
            "--name",
            workflow,
            "--project",
            "p",
            "--contract",
            contract.toString(),
            "--token",
            token);
    assertThat(wf.exitCode()).as(wf.toString()).isZero();
  }

  @Test
  void contractAnnotationsAreShownAtInitAndRequiredAtPushAndItsEnvAllowListIsRecorded()
      throws Exception {
    Cli cli = new Cli();
    contractWithTerms(cli, "terms");

    Cli.Result noEnv =
        cli.run("att", "init", "--workflow", "terms", "--project", "p", "--token", token);
    assertThat(noEnv.exitCode()).isNotZero();
    assertThat(noEnv.stderr().lines().filter(l -> !l.startsWith("INF ")).toList())
        .as(noEnv.toString())
        .singleElement()
        .asString()
        .contains("required env variables not present \"BUILD_ID\"");

    cli.env("BUILD_ID", "build-77");
    Cli.Result init =
        cli.run(
            "att", "init", "--workflow", "terms", "--project", "p", "--replace", "--token", token);
    assertThat(init.exitCode()).as(init.toString()).isZero();
    assertThat(init.stdout()).contains("owner: [NOT SET]").contains("tier: gold");
    Cli.Result status = cli.run("att", "status");
    assertThat(status.stdout())
        .contains("owner: [NOT SET]")
        .contains("Env Variables")
        .contains("build-77");
    assertThat(
            cli.run("att", "add", "--value", "v", "--kind", "STRING", "--token", token).exitCode())
        .isZero();

    Cli.Result refused =
        cli.run("att", "push", "--key", cli.signingKey().toString(), "--token", token);
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.stderr().lines().filter(l -> !l.startsWith("INF ")).toList())
        .as(refused.toString())
        .singleElement()
        .asString()
        .contains("annotations [\"owner\"] required");

    Cli.Result pushed =
        cli.run(
            "att",
            "push",
            "--key",
            cli.signingKey().toString(),
            "--annotation",
            "owner=alice",
            "--annotation",
            "tier=bronze",
            "--token",
            token);
    assertThat(pushed.exitCode()).as(pushed.toString()).isZero();
    Cli.Result statement =
        cli.run(
            "wf", "run", "describe", "-d", digestOf(pushed), "-o", "statement", "--token", token);
    JsonObject predicate = json(statement.stdout()).getJsonObject("predicate");
    assertThat(predicate.getJsonObject("annotations").getString("owner")).isEqualTo("alice");
    assertThat(predicate.getJsonObject("annotations").getString("tier")).isEqualTo("gold");
    assertThat(predicate.getJsonObject("env").getString("BUILD_ID")).isEqualTo("build-77");
  }

  @Test
  void theControlPlaneRefusesABundleWithoutTheContractsAnnotations() throws Exception {
    Cli cli = new Cli().env("BUILD_ID", "b");
    contractWithTerms(cli, "terms-rest");
    String runId = initWithCli(cli, "terms-rest");
    KeyPair pair = Signers.ephemeralP256();
    String bundle =
        new String(
            Bundles.sign(
                statement(runId, "no-annotations"), pair.getPrivate(), pair.getPublic(), null),
            StandardCharsets.UTF_8);

    var reply = store(runId, bundle, pair.getPublic());

    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.body()).contains("annotations").contains("\\\"owner\\\"");
    assertThat(
            api.get("/api/v1/workflow-runs/" + runId)
                .json()
                .getJsonObject("run")
                .getString("status"))
        .isNotEqualTo("SUCCEEDED");
  }
}
