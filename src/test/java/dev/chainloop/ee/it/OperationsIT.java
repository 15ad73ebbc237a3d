package dev.chainloop.ee.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rate limits, Prometheus metrics and JSON logs, as an operator sees them. */
class OperationsIT {
  @Test
  void aBurstWithOneTokenIsThrottledWithRetryAfter() {
    String token = Fixtures.apiToken(Fixtures.ownerWithOrg());
    Api api = Api.withToken(token);
    Api.Reply limited = null;
    for (int i = 0; i < 3000 && limited == null; i++) {
      Api.Reply reply = api.get("/api/v1/context");
      if (reply.status() == 429) {
        limited = reply;
      } else {
        assertThat(reply.status()).isEqualTo(200);
      }
    }
    assertThat(limited).as("a 429 within 3000 requests").isNotNull();
    assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
    assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void metricsExposeRequestsAndRejectedTokensByReason() {
    Api.anonymous().get("/api/v1/context");
    Api.withToken("not.a.jwt").get("/api/v1/context");
    Api.anonymous().get("/api/v1/status");
    Api.Reply metrics = Api.anonymous().get("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body())
        .containsPattern("chainloop_token_rejections_total\\{[^}]*reason=\"missing\"")
        .containsPattern("chainloop_token_rejections_total\\{[^}]*reason=\"invalid_jwt\"")
        .contains("REST_request");
  }

  @Test
  void serverLogIsJsonLines() throws Exception {
    Path log = Path.of(System.getProperty("chainloop.test.server.log"));
    List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      var json = Json.createReader(new StringReader(line)).readObject();
      assertThat(json.containsKey("message") || json.containsKey("ibm_datetime")).as(line).isTrue();
    }
  }
}
