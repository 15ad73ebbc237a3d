package dev.chainloop.ee.it.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Fixtures;
import jakarta.json.Json;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Rate limits, Prometheus metrics and JSON logs, as an operator sees them. */
class OperationsIT {
  @Test
  void aBurstWithOneTokenIsThrottledWithRetryAfter() throws Exception {
    String token = Fixtures.apiToken(Fixtures.ownerWithOrg());
    Api api = Api.withToken(token);
    // Several clients at once: one sequential client on a busy machine may never exceed the rate.
    AtomicReference<Api.Reply> limited = new AtomicReference<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < 8; c++) {
        clients.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 1000 && limited.get() == null; i++) {
                    Api.Reply reply = api.get("/api/v1/context");
                    if (reply.status() == 429) {
                      limited.compareAndSet(null, reply);
                    } else {
                      assertThat(reply.status()).isEqualTo(200);
                    }
                  }
                }));
      }
      for (var client : clients) {
        client.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(limited.get()).as("a 429 within 8000 requests").isNotNull();
    assertThat(Long.parseLong(limited.get().header("Retry-After"))).isPositive();
    assertThat(limited.get().header("Content-Type")).startsWith("application/problem+json");
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
