package dev.chainloop.ee.it.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Cli;
import dev.chainloop.ee.it.support.DatabaseIndependent;
import dev.chainloop.ee.it.support.ExtraServer;
import dev.chainloop.ee.it.support.Fixtures;
import dev.chainloop.ee.it.support.OpenSslTsa;
import dev.chainloop.ee.it.support.SigstoreJs;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Upstream's {@code timestamp_authorities}: a server configured with an external RFC 3161 TSA
 * (OpenSSL's, {@link OpenSslTsa}) by URL and certificate chain timestamps keyless bundles there,
 * checks them at push, and lists that TSA in its TrustedRoot, which {@code @sigstore/verify} and
 * {@code attestation verify} then verify the bundle with.
 */
@DatabaseIndependent
class ExternalTimestampAuthorityIT {
  private static final Path DATA = Path.of("target/external-tsa").toAbsolutePath();
  private static OpenSslTsa tsa;
  private static ExtraServer server;
  private static String apiToken;

  @BeforeAll
  static void start() throws Exception {
    tsa = OpenSslTsa.start(DATA.resolve("openssl-tsa"));
    server =
        ExtraServer.copyOfItServer(
            "chainloop-external-tsa",
            freePortPair(),
            DATA.resolve("server"),
            List.of("-Dchainloop.timestamp-authority."),
            List.of(
                "-Dchainloop.timestamp-authority.url=" + tsa.url(),
                "-Dchainloop.timestamp-authority.cert-chain=" + tsa.chainFile()));
    server.startClean(Map.of());
    server.awaitReady(Duration.ofSeconds(120));
    Fixtures.Account account = Fixtures.ownerWithOrg(server.url());
    String userToken = account.userToken();
    apiToken = Fixtures.apiToken(account);
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
    if (tsa != null) {
      tsa.close();
    }
  }

  /** A free port whose successor is free too (the server's HTTPS port). */
  private static int freePortPair() throws Exception {
    for (int attempt = 0; attempt < 20; attempt++) {
      try (ServerSocket first = new ServerSocket(0)) {
        int port = first.getLocalPort();
        try (ServerSocket second = new ServerSocket(port + 1)) {
          return port;
        } catch (java.io.IOException taken) {
          // try another pair
        }
      }
    }
    throw new IllegalStateException("no two consecutive free ports");
  }

  private static Cli cli() {
    return new Cli()
        .env("CHAINLOOP_CONTROL_PLANE_API", server.url())
        .env("CHAINLOOP_TOKEN", apiToken);
  }

  @Test
  void anUnavailableExternalTsaFailsTheKeylessPushInOneLineNamingIt() {
    Cli cli = cli();
    assertThat(cli.run("att", "init", "--workflow", "ext-tsa", "--project", "p").exitCode())
        .isZero();
    tsa.unavailable(true);
    Cli.Result push;
    try {
      push = cli.run("att", "push");
    } finally {
      tsa.unavailable(false);
    }

    assertThat(push.exitCode()).as(push.toString()).isNotZero();
    assertThat(push.stderr().lines().filter(l -> !l.startsWith("INF ")))
        .containsExactly("ERR the timestamp authority at " + tsa.url() + " answered HTTP 503");
  }

  @Test
  void aKeylessBundleIsStampedByTheExternalTsaAndVerifiesWithTheServersTrustedRoot()
      throws Exception {
    Cli cli = cli();
    assertThat(cli.run("att", "init", "--workflow", "ext-tsa", "--project", "p").exitCode())
        .isZero();
    assertThat(cli.run("att", "add", "--value", "v", "--kind", "STRING").exitCode()).isZero();
    Path bundle = cli.home().resolve("bundle.json");
    Cli.Result push = cli.run("att", "push", "--bundle", bundle.toString());
    assertThat(push.exitCode()).as(push.toString()).isZero();

    String stamp =
        jakarta.json.Json.createReader(new StringReader(Files.readString(bundle)))
            .readObject()
            .getJsonObject("verificationMaterial")
            .getJsonObject("timestampVerificationData")
            .getJsonArray("rfc3161Timestamps")
            .getJsonObject(0)
            .getString("signedTimestamp");
    var token = new TimeStampResponse(Base64.getDecoder().decode(stamp)).getTimeStampToken();
    String chain = Files.readString(tsa.chainFile());
    var openSslSigner =
        new X509CertificateHolder(
            Base64.getMimeDecoder()
                .decode(
                    chain.substring(
                        chain.indexOf("-----BEGIN CERTIFICATE-----") + 27,
                        chain.indexOf("-----END CERTIFICATE-----"))));
    assertThat(token.getSID().match(openSslSigner)).isTrue();

    Api.Reply root = Api.anonymous().on(server.url()).get("/api/v1/signing/trusted-root/sigstore");
    Path rootFile = Files.writeString(cli.home().resolve("trusted_root.json"), root.body());
    SigstoreJs.Result verified = SigstoreJs.verify(rootFile, bundle);
    assertThat(verified.exitCode()).as(verified.output()).isZero();
    assertThat(verified.output()).isEqualTo("verified");
    // and the CLI's own offline check reads OpenSSL's token against the same document
    Cli.Result cliVerified = cli.run("att", "verify", "--bundle", bundle.toString());
    assertThat(cliVerified.exitCode()).as(cliVerified.toString()).isZero();
  }
}
