package dev.chainloop.ee.it.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.it.support.Cli;
import dev.chainloop.ee.it.support.Fixtures;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Collections;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --control-plane-ca} against the test server's HTTPS port, which presents the certificate
 * Liberty generated into the server's keystore: a CA the JDK does not trust, as a private CA is.
 */
class ControlPlaneCaIT {
  private static final String HTTPS_URL = System.getProperty("chainloop.test.https.url");
  private static Path caFile;
  private static String caPem;

  @BeforeAll
  static void exportTheServersCertificate() throws Exception {
    Path keystore = Path.of(System.getProperty("chainloop.test.tls.keystore"));
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      // the default of chainloop.tls.keystore-password in server.xml
      ks.load(in, "chainloop-self-signed".toCharArray());
    }
    Certificate cert = null;
    for (String alias : Collections.list(ks.aliases())) {
      Certificate[] chain = ks.getCertificateChain(alias);
      if (chain != null) {
        cert = chain[chain.length - 1];
      }
    }
    assertThat(cert).as("a key entry in " + keystore).isNotNull();
    caPem =
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(cert.getEncoded())
            + "\n-----END CERTIFICATE-----\n";
    caFile = Files.createTempFile("control-plane-ca", ".pem");
    Files.writeString(caFile, caPem);
  }

  private static Cli cliOverHttps() {
    return new Cli()
        .env("CHAINLOOP_CONTROL_PLANE_API", HTTPS_URL)
        .env("CHAINLOOP_TOKEN", Fixtures.apiToken(Fixtures.ownerWithOrg()));
  }

  @Test
  void anUntrustedServerCertificateFailsWithOneLineNamingTheFlag() {
    Cli.Result r = cliOverHttps().run("workflow", "list");

    assertThat(r.exitCode()).as(r.toString()).isNotZero();
    assertThat(r.stdout()).isEmpty();
    assertThat(r.stderr().lines().toList())
        .as(r.toString())
        .singleElement()
        .asString()
        .contains("TLS handshake failed")
        .contains("not signed by a trusted CA")
        .contains("--control-plane-ca");
  }

  @Test
  void theFlagNamingThePemFileMakesTheSameCommandSucceed() {
    Cli.Result r = cliOverHttps().run("workflow", "list", "--control-plane-ca", caFile.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stdout()).contains("there are no workflows yet");
  }

  @Test
  void theEnvironmentVariableAcceptsBase64PemContentAsUpstreamDoes() {
    String b64 = Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.US_ASCII));
    Cli.Result r =
        cliOverHttps()
            .env("CHAINLOOP_CONTROL_PLANE_API_CA", b64)
            .run("workflow", "list", "-o", "json");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stdout()).contains("\"workflows\": []");
  }

  @Test
  void aTinyResponseLimitRefusesTheAnswerInOneLine() {
    Cli.Result r =
        cliOverHttps()
            .run(
                "workflow",
                "list",
                "--control-plane-ca",
                caFile.toString(),
                "--max-recv-msg-size",
                "1");

    assertThat(r.exitCode()).as(r.toString()).isNotZero();
    assertThat(r.stderr().lines().toList())
        .as(r.toString())
        .singleElement()
        .asString()
        .contains("larger than 1 bytes");
  }

  @Test
  void upstreamsCasFlagsAreAccepted() {
    Cli.Result r =
        cliOverHttps()
            .run(
                "workflow",
                "list",
                "--control-plane-ca",
                caFile.toString(),
                "--artifact-cas",
                "api.cas.chainloop.dev:443",
                "--artifact-cas-ca",
                caFile.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
  }
}
