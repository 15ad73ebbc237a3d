package dev.chainloop.ee.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chainloop.ee.cli.CliRunner;
import dev.chainloop.ee.cli.FakeControlPlane;
import dev.chainloop.ee.cli.framework.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The global flags upstream pipelines pass for the connection: {@code --control-plane-ca}, {@code
 * --max-recv-msg-size} and the accepted {@code --artifact-cas*}. The TLS handshake itself is
 * exercised against the real server in ControlPlaneCaIT.
 */
class ConnectionSettingsTest {
  private static final String EMPTY_PAGE =
      "{\"items\":[],\"nextCursor\":null,\"padding\":\"0123456789\"}";

  @TempDir Path home;
  FakeControlPlane server;
  CliRunner cli;
  String caPem;

  @BeforeEach
  void setUp() throws IOException {
    server = new FakeControlPlane();
    cli = new CliRunner(home).env("CHAINLOOP_CONTROL_PLANE_API", server.url());
    try (InputStream in = getClass().getResourceAsStream("/tls/test-ca.pem")) {
      caPem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  @Test
  void theCaIsReadFromAFilePemTextOrBase64PemAsUpstreamAccepts() throws IOException {
    Path file = home.resolve("ca.pem");
    Files.writeString(file, caPem);
    String b64 = Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.US_ASCII));

    assertThat(TrustedCa.pemContent(file.toString(), "--control-plane-ca")).isEqualTo(caPem);
    assertThat(TrustedCa.pemContent(caPem, "--control-plane-ca")).isEqualTo(caPem);
    assertThat(TrustedCa.pemContent(b64, "--control-plane-ca")).isEqualTo(caPem);
    assertThat(TrustedCa.sslContext(file.toString(), "--control-plane-ca")).isNotNull();
  }

  @Test
  void aCaThatIsNeitherAFileNorPemIsAUsageErrorNamingTheFlag() {
    assertThatThrownBy(() -> TrustedCa.sslContext("/no/such/ca.pem", "--control-plane-ca"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("invalid --control-plane-ca")
        .hasMessageContaining("/no/such/ca.pem");
    assertThatThrownBy(
            () ->
                TrustedCa.sslContext(
                    "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "--x"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("invalid --x");
  }

  @Test
  void anUnreadableCaFromTheEnvironmentFailsTheCommandInOneLine() {
    CliRunner.Result r =
        cli.env("CHAINLOOP_CONTROL_PLANE_API", "https://127.0.0.1:1")
            .env("CHAINLOOP_CONTROL_PLANE_API_CA", "/no/such/ca.pem")
            .run("workflow", "list");

    assertThat(r.code()).isNotZero();
    assertThat(r.errLines()).singleElement().asString().contains("invalid --control-plane-ca");
  }

  @Test
  void configSaveStoresTheCaAsPemTextAndLaterRunsReadIt() throws IOException {
    Path file = home.resolve("ca.pem");
    Files.writeString(file, caPem);

    CliRunner.Result saved = cli.run("config", "save", "--control-plane-ca", file.toString());

    assertThat(saved.code()).as(saved.err()).isZero();
    assertThat(Files.readString(cli.configFile()))
        .contains("api-ca = \"-----BEGIN CERTIFICATE-----\\n");
    Files.delete(file);
    server.json("GET /api/v1/workflows", 200, EMPTY_PAGE);
    CliRunner.Result later = cli.run("workflow", "list");
    assertThat(later.code()).as(later.err()).isZero();
  }

  @Test
  void anAnswerLargerThanMaxRecvMsgSizeIsRefusedInOneLine() {
    server.json("GET /api/v1/workflows", 200, EMPTY_PAGE);

    CliRunner.Result small = cli.run("workflow", "list", "--max-recv-msg-size", "16");
    CliRunner.Result enough = cli.run("workflow", "list", "--max-recv-msg-size", "4096");
    CliRunner.Result fromEnv =
        cli.env("CHAINLOOP_API_MAX_RECV_MSG_SIZE", "16").run("workflow", "list");

    assertThat(small.code()).isNotZero();
    assertThat(small.errLines())
        .singleElement()
        .asString()
        .contains("is larger than 16 bytes (raise it with --max-recv-msg-size)");
    assertThat(fromEnv.code()).isNotZero();
    assertThat(enough.code()).as(enough.err()).isZero();
  }

  @Test
  void aMaxRecvMsgSizeThatIsNoNumberIsAUsageError() {
    CliRunner.Result r = cli.run("workflow", "list", "--max-recv-msg-size", "lots");

    assertThat(r.code()).isNotZero();
    assertThat(r.errLines())
        .singleElement()
        .asString()
        .contains("invalid argument \"lots\" for \"--max-recv-msg-size\" flag: not a number");
  }

  @Test
  void upstreamsArtifactCasFlagsAndVariablesAreAccepted() {
    server.json("GET /api/v1/workflows", 200, EMPTY_PAGE);

    CliRunner.Result r =
        cli.env("CHAINLOOP_ARTIFACT_CAS_API", "api.cas.example.com:443")
            .run(
                "workflow",
                "list",
                "--artifact-cas",
                "api.cas.chainloop.dev:443",
                "--artifact-cas-ca",
                "/etc/ssl/cas.pem");

    assertThat(r.code()).as(r.err()).isZero();
  }
}
