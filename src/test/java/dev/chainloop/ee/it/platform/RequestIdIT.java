package dev.chainloop.ee.it.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Fixtures;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One request id links what the client saw, the server's log line and the audit event: the id the
 * client sent (or one the server made) comes back in {@code X-Request-Id} and the problem's {@code
 * instance}, is on the request's line in the access log, on the log records written while it was
 * served (the {@code ext_requestId} field of JSON logs), and on the audit event the request wrote.
 */
class RequestIdIT {
  private static final Path MESSAGES_LOG = Path.of(System.getProperty("chainloop.test.server.log"));
  private static final Path ACCESS_LOG = MESSAGES_LOG.resolveSibling("http_access.log");

  private final Fixtures.Account owner = Fixtures.ownerWithOrg();

  @Test
  void aRejectedTokensErrorItsLogLineAndItsAuditEventShareTheClientsRequestId() {
    Api.Reply created =
        owner
            .api()
            .header("Chainloop-Organization", owner.org())
            .post("/api/v1/api-tokens", "{\"name\":\"" + Fixtures.uniqueName("revoked") + "\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String tokenId = created.json().getString("id");
    String token = created.json().getString("token");
    assertThat(
            owner
                .api()
                .header("Chainloop-Organization", owner.org())
                .delete("/api/v1/api-tokens/" + tokenId)
                .status())
        .isEqualTo(204);

    String requestId = "ci-" + UUID.randomUUID();
    Api.Reply rejected =
        Api.withToken(token).header("X-Request-Id", requestId).get("/api/v1/workflows");
    assertThat(rejected.status()).isEqualTo(401);
    assertThat(rejected.header("X-Request-Id")).isEqualTo(requestId);
    assertThat(rejected.json().getString("instance"))
        .isEqualTo("urn:chainloop:request:" + requestId);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(accessLogLines())
                    .anyMatch(
                        l ->
                            l.contains("GET /api/v1/workflows")
                                && l.contains(" 401 ")
                                && l.endsWith(" " + requestId)));

    // messages.log is JSON lines on the IT server (com.ibm.ws.logging.message.format=json): the
    // refusal's warning carries the id as a field.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(messageRecords())
                    .anyMatch(
                        r ->
                            requestId.equals(r.getString("ext_requestId", null))
                                && r.getString("loglevel", "").equals("WARNING")
                                && r.getString("message", "").contains(tokenId)));

    Api.Reply audit =
        owner
            .api()
            .header("Chainloop-Organization", owner.org())
            .get("/api/v1/audit-events?limit=50");
    assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
    List<JsonObject> events =
        audit.json().getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
    assertThat(events)
        .as(audit.toString())
        .anyMatch(
            e ->
                e.getString("action").equals("api_token.rejected")
                    && requestId.equals(e.getString("requestId", null))
                    && tokenId.equals(e.getString("targetId", null)));
    Api.Reply verified =
        owner
            .api()
            .header("Chainloop-Organization", owner.org())
            .get("/api/v1/audit-events/verification");
    assertThat(verified.json().getBoolean("intact")).as(verified.toString()).isTrue();
  }

  @Test
  void withoutAnIdTheServerMakesOneAndATraceparentsTraceIdIsTaken() {
    Api.Reply plain = Api.anonymous().get("/api/v1/workflows");
    String made = plain.header("X-Request-Id");
    assertThat(made).matches("[0-9a-f-]{36}");
    assertThat(plain.json().getString("instance")).isEqualTo("urn:uuid:" + made);

    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    Api.Reply traced =
        Api.anonymous()
            .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
            .get("/api/v1/status");
    assertThat(traced.header("X-Request-Id")).isEqualTo(traceId);

    Api.Reply hostile =
        Api.anonymous()
            .header("X-Request-Id", "a b\"<script>" + "x".repeat(200))
            .get("/api/v1/status");
    assertThat(hostile.header("X-Request-Id"))
        .as("an id that is not a sane token is replaced, never echoed")
        .matches("[0-9a-f-]{36}");
  }

  /** The JSON records of messages.log (a line that is not one, e.g. cut mid-write, is skipped). */
  private static List<JsonObject> messageRecords() throws IOException {
    return Files.readAllLines(MESSAGES_LOG).stream()
        .filter(l -> l.startsWith("{") && l.endsWith("}"))
        .map(l -> Json.createReader(new StringReader(l)).readObject())
        .toList();
  }

  private static List<String> accessLogLines() throws IOException {
    return Files.exists(ACCESS_LOG) ? Files.readAllLines(ACCESS_LOG) : List.of();
  }
}
