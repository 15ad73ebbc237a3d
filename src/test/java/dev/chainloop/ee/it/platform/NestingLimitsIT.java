package dev.chainloop.ee.it.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Attestations;
import dev.chainloop.ee.it.support.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deeply nested JSON (a 3.6 KB object nested 1,200 levels, the shape that once answered 500 from
 * the store endpoint) is refused with one 400 naming the document, and the run it was sent to stays
 * open for a valid push.
 */
class NestingLimitsIT {
  private static final String DEEP = "{\"a\":".repeat(1200) + "1" + "}".repeat(1200);
  private static Fixtures.Account owner;
  private static Api api;

  @BeforeAll
  static void setUp() {
    owner = Fixtures.ownerWithOrg();
    api = Api.withToken(Fixtures.apiToken(owner));
  }

  private static String init(String workflow) {
    return api.post(
            "/api/v1/attestations/init", "{\"workflow\":\"" + workflow + "\",\"project\":\"p\"}")
        .json()
        .getString("attestationId");
  }

  private static Api.Reply store(String runId, byte[] bundle) {
    return api.send(
        "POST",
        Attestations.storePath(runId),
        new String(bundle, StandardCharsets.UTF_8),
        "application/json");
  }

  @Test
  void aDeeplyNestedBundleIsA400AndTheRunStaysOpen() {
    String runId = init("nesting-bundle");
    Api.Reply reply = store(runId, DEEP.getBytes(StandardCharsets.UTF_8));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    assertThat(reply.json().getString("detail"))
        .isEqualTo("invalid attestation bundle: the bundle nests deeper than 64 levels");

    Api.Reply valid = store(runId, Attestations.bundle(runId, "after-the-bomb"));
    assertThat(valid.status()).as(valid.toString()).isEqualTo(200);
  }

  @Test
  void aSignedDeeplyNestedStatementIsA400AndTheRunStaysOpen() {
    String runId = init("nesting-statement");
    Api.Reply reply = store(runId, Attestations.sign(DEEP));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.json().getString("detail"))
        .isEqualTo("invalid attestation bundle: the statement nests deeper than 64 levels");

    assertThat(store(runId, Attestations.bundle(runId, "after-the-bomb")).status()).isEqualTo(200);
  }

  /**
   * The JSON-B bodies of the other endpoints: a deep document at the top or as the value of a known
   * field never reaches a 5xx (the parser's own limit, or the field's type, refuses it; an unknown
   * field is ignored, so a PATCH of nothing but one changes nothing).
   */
  @Test
  void deeplyNestedBodiesNeverCauseA5xxOnAnyJsonEndpoint() {
    Api session =
        Api.withToken(Fixtures.login(owner.email())).header("Chainloop-Organization", owner.org());
    String orgBefore = session.get("/api/v1/organizations/current").body();
    List<String> endpoints = new ArrayList<>(FuzzIT.JSON_ENDPOINTS);
    endpoints.addAll(
        List.of(
            "POST /api/v1/workflows",
            "POST /api/v1/attestations/init",
            "PATCH /api/v1/organizations/" + owner.org()));
    for (String endpoint : endpoints) {
      for (String body : List.of(DEEP, "{\"name\":" + DEEP + "}")) {
        String[] parts = endpoint.split(" ");
        Api.Reply reply = session.send(parts[0], parts[1], body, "application/json");
        assertThat(reply.status()).as(endpoint + " -> " + reply).isLessThan(500);
        assertThat(reply.body()).as(endpoint).doesNotContain("Exception");
      }
    }
    assertThat(session.get("/api/v1/organizations/current").body()).isEqualTo(orgBefore);
  }
}
