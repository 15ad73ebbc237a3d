package dev.chainloop.ee.it.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.DatabaseIndependent;
import dev.chainloop.ee.it.support.ExtraServer;
import dev.chainloop.ee.it.support.Fixtures;
import jakarta.json.JsonObject;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server directory made without {@code server create} (no {@code server.env}, so no generated
 * keystore password), as when the WAR and server.xml are dropped into an existing Liberty: it
 * verifies the tokens it issues. And a server whose token verification cannot start (a default
 * keystore that does not open, so MicroProfile JWT never activates) says so: readiness is DOWN and
 * one log line names the failure, instead of a ready server that answers every token with a 401;
 * once the keystore is mended it becomes ready without a restart.
 */
@DatabaseIndependent
class TokenVerificationSelfCheckIT {
  private static final int PORT = URI.create(Api.BASE_URL).getPort() + 21;
  private static ExtraServer server;

  @BeforeAll
  static void createServer() throws Exception {
    server =
        ExtraServer.copyOfItServer(
            "chainloop-bare", PORT, Path.of("target/it-data-bare"), List.of(), List.of());
    assertThat(server.dir().resolve("server.env")).doesNotExist();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.stop();
  }

  @Test
  void withoutServerEnvTokensVerifyAndABrokenKeystoreMakesTheServerNotReady() throws Exception {
    Path override = server.dir().resolve("configDropins/overrides/broken-keystore.xml");
    Path keystore = server.dir().resolve("other-password.p12");
    try (OutputStream out = Files.newOutputStream(keystore)) {
      KeyStore p12 = KeyStore.getInstance("PKCS12");
      p12.load(null, null);
      p12.store(out, "another-password".toCharArray());
    }
    Files.writeString(
        override,
        "<server><keyStore id=\"defaultKeyStore\" location=\""
            + keystore
            + "\" password=\"not-its-password\"/></server>");

    server.start(Map.of());
    JsonObject down = awaitTokenCheckAnswered();
    assertThat(down.getString("status")).isEqualTo("DOWN");
    assertThat(Api.anonymous().on(server.url()).get("/health/ready").status()).isEqualTo(503);
    // Liberty writes messages.log through a buffer: the line may land a moment after the verdict.
    assertThat(awaitLogLine("Token verification self-check FAILED"))
        .contains("every authenticated request will answer 401");

    // The operator mends the configuration; Liberty applies it without a restart, and the next
    // readiness probe checks again and finds the server verifying its tokens.
    Files.delete(override);
    server.awaitReady(Duration.ofSeconds(120));
    assertThat(awaitTokenCheckAnswered().getString("status")).isEqualTo("UP");
    String token =
        Fixtures.signupAndLogin(server.url(), Fixtures.uniqueName("bare") + "@example.com");
    Api.Reply memberships = Api.withToken(token).on(server.url()).get("/api/v1/memberships");
    assertThat(memberships.status()).as(memberships.toString()).isEqualTo(200);
    assertThat(awaitLogLine("Token verification self-check passed")).isNotEmpty();
  }

  /** The server log once it holds {@code line}. */
  private static String awaitLogLine(String line) {
    return await("log line: " + line)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> Files.readString(server.messagesLog()), log -> log.contains(line));
  }

  /**
   * The readiness check of token verification, once the probe has had an answer (before that, a
   * DOWN means "not probed yet", and no log line is written).
   */
  private static JsonObject awaitTokenCheckAnswered() {
    return await("token verification probed")
        .atMost(Duration.ofSeconds(300))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions() // not listening yet, or not a health answer yet
        .until(
            () ->
                Api.anonymous()
                    .on(server.url())
                    .get("/health/ready")
                    .json()
                    .getJsonArray("checks")
                    .getValuesAs(JsonObject.class)
                    .stream()
                    .filter(check -> check.getString("name").equals("token-verification"))
                    // Answered: the probe got a verdict, not "not serving yet" or "no endpoint".
                    .filter(check -> check.getJsonObject("data").getBoolean("answered"))
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }
}
