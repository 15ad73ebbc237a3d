package dev.chainloop.ee.it.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Fixtures;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every error status answers an RFC 9457 problem document, and none carries a stack trace. */
class ProblemDetailsIT {
  private static void assertProblem(Api.Reply reply, int status) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    JsonObject problem = reply.json();
    assertThat(problem.getInt("status")).isEqualTo(status);
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("type")).isNotBlank();
    assertThat(problem.getString("detail")).isNotBlank();
    assertThat(problem.getString("instance")).startsWith("urn:uuid:");
    assertThat(reply.body())
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("java.");
  }

  @Test
  void unknownPathIs404() {
    assertProblem(Api.anonymous().get("/api/v1/no-such-thing"), 404);
    assertProblem(Api.anonymous().get("/no-such-thing-at-all"), 404);
  }

  @Test
  void wrongMethodIs405() {
    assertProblem(Api.anonymous().send("PUT", "/api/v1/status", "{}", "application/json"), 405);
  }

  @Test
  void wrongMediaTypeIs415() {
    assertProblem(Api.anonymous().send("POST", "/api/v1/auth/login", "email=a", "text/plain"), 415);
  }

  @Test
  void malformedJsonIs400() {
    assertProblem(Api.anonymous().post("/api/v1/auth/login", "{\"email\": "), 400);
    assertProblem(Api.anonymous().post("/api/v1/auth/login", "[1,2,3]"), 400);
  }

  @Test
  void validationFailureIs400NamingTheField() {
    Api.Reply reply =
        Api.anonymous()
            .post("/api/v1/auth/signup", "{\"email\":\"not-an-email\",\"password\":\"x\"}");
    assertProblem(reply, 400);
    var fields =
        reply.json().getJsonArray("violations").stream()
            .map(v -> v.asJsonObject().getString("field"))
            .toList();
    assertThat(fields).contains("email", "password");
  }

  @Test
  void missingCredentialIs401AndForbiddenIs403() {
    assertProblem(Api.anonymous().get("/api/v1/api-tokens"), 401);
    Fixtures.Account owner = Fixtures.ownerWithOrg();
    String token = Fixtures.apiToken(owner);
    assertProblem(Api.withToken(token).get("/api/v1/members"), 403);
  }

  @Test
  void bodyOverTheLimitIs413WithContentLength() {
    byte[] body = new byte[4 * 1024 * 1024 + 10];
    Arrays.fill(body, (byte) ' ');
    assertProblem(
        Api.anonymous().post("/api/v1/auth/login", new String(body, StandardCharsets.US_ASCII)),
        413);
  }

  @Test
  void bodyOverTheLimitIs413WhenChunked() throws IOException {
    HttpURLConnection connection =
        (HttpURLConnection)
            URI.create(Api.BASE_URL + "/api/v1/auth/login").toURL().openConnection();
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setChunkedStreamingMode(64 * 1024);
    connection.setRequestProperty("Content-Type", "application/json");
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, (byte) ' ');
    try (OutputStream out = connection.getOutputStream()) {
      out.write('[');
      for (int i = 0; i < 80; i++) {
        out.write(chunk);
      }
      out.write(']');
    } catch (IOException serverClosedEarly) {
      // the server may answer and close before the whole body is sent
    }
    assertThat(connection.getResponseCode()).isEqualTo(413);
    try (InputStream err = connection.getErrorStream()) {
      String body = new String(err.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(connection.getContentType()).startsWith("application/problem+json");
      assertThat(body).contains("\"status\":413").doesNotContain("Exception");
    }
  }
}
