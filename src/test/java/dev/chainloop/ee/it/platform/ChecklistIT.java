package dev.chainloop.ee.it.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Attestations;
import dev.chainloop.ee.it.support.Fixtures;
import dev.chainloop.ee.it.support.TestTokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rows of docs/SECURITY.md that no feature test covered: untrusted JOSE headers, claim ordering,
 * header and page-size limits, mass assignment, audit rows, immutability and concurrent pushes.
 */
class ChecklistIT {
  private static final String IN_TOTO_V1 = "https://in-toto.io/Statement/v1";
  private static Fixtures.Account owner;
  private static String token;
  private static JsonObject claims;

  @BeforeAll
  static void setUp() {
    owner = Fixtures.ownerWithOrg();
    token = Fixtures.apiToken(owner);
    try (var r = Json.createReader(new StringReader(TestTokens.decodePart(token, 1)))) {
      claims = r.readObject();
    }
  }

  private static void assertRejected(String bearer) {
    Api.Reply reply = Api.withToken(bearer).get("/api/v1/context");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
  }

  /** J5: key-location headers are never fetched, whatever key signed the token. */
  @Test
  void jkuX5uAndJwkHeadersAreNeverDereferenced() throws Exception {
    AtomicInteger hits = new AtomicInteger();
    HttpServer canary = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    canary.createContext(
        "/",
        exchange -> {
          hits.incrementAndGet();
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    canary.start();
    try {
      String url = "http://127.0.0.1:" + canary.getAddress().getPort() + "/jwks.json";
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      KeyPair attacker = g.generateKeyPair();
      RSAPublicKey pub = (RSAPublicKey) attacker.getPublic();
      String jwk =
          "{\"kty\":\"RSA\",\"n\":\""
              + TestTokens.b64(pub.getModulus().toByteArray())
              + "\",\"e\":\"AQAB\"}";
      String body = claims.toString();
      for (String header :
          List.of(
              "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"jku\":\"" + url + "\"}",
              "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"x5u\":\"" + url + "\"}",
              "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"jwk\":" + jwk + "}",
              "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"' OR 1=1 --\",\"jku\":\""
                  + url
                  + "\"}")) {
        assertRejected(sign(header, body, attacker));
      }
      // Signed with the real key, a jku header still makes no outbound call.
      Api.withToken(
              TestTokens.signWithServerKey(
                  "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"jku\":\"" + url + "\"}", body))
          .get("/api/v1/context");
      // Absence of a call: the canary must stay untouched for a while.
      await()
          .during(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(2))
          .untilAsserted(() -> assertThat(hits.get()).as("requests to the canary").isZero());
    } finally {
      canary.stop(0);
    }
  }

  /** J4: a token issued after it expires, or not valid yet, is refused. */
  @Test
  void iatAfterExpAndFutureNbfAreRejected() throws Exception {
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
    long now = Instant.now().getEpochSecond();
    String iatAfterExp =
        Json.createObjectBuilder(claims)
            .add("iat", now + 3600)
            .add("exp", now + 600)
            .build()
            .toString();
    assertRejected(TestTokens.signWithServerKey(header, iatAfterExp));
    String notYet =
        Json.createObjectBuilder(claims)
            .add("nbf", now + 3600)
            .add("exp", now + 7200)
            .build()
            .toString();
    assertRejected(TestTokens.signWithServerKey(header, notYet));
    String valid = Json.createObjectBuilder(claims).add("exp", now + 600).build().toString();
    assertThat(
            Api.withToken(TestTokens.signWithServerKey(header, valid))
                .get("/api/v1/context")
                .status())
        .as("the same claims with a sane iat/exp are accepted")
        .isEqualTo(200);
  }

  /** L2: a 40 KB header (Liberty's limitFieldSize is 32 KB) is refused with a 400. */
  @Test
  void fortyKilobyteHeaderIsRefusedWith400() throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<String> refused =
        http.send(
            HttpRequest.newBuilder(URI.create(Api.BASE_URL + "/api/v1/context"))
                .header("Authorization", "Bearer " + token)
                .header("X-Padding", "a".repeat(40 * 1024))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(400);
    HttpResponse<String> under =
        http.send(
            HttpRequest.newBuilder(URI.create(Api.BASE_URL + "/api/v1/context"))
                .header("Authorization", "Bearer " + token)
                .header("X-Padding", "a".repeat(30 * 1024))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(under.statusCode()).as("a 30 KB header is within the limit").isEqualTo(200);
  }

  /** Z3: server-owned fields sent by a client are ignored: the object is created as if absent. */
  @Test
  void serverOwnedFieldsInBodiesAreIgnored() {
    String forgedId = "00000000-0000-0000-0000-000000000001";
    Api.Reply created =
        owner
            .api()
            .post(
                "/api/v1/api-tokens",
                "{\"name\":\"mass\",\"id\":\""
                    + forgedId
                    + "\",\"organizationId\":\""
                    + forgedId
                    + "\",\"createdAt\":\"2000-01-01T00:00:00Z\",\"revokedAt\":\"2000-01-01T00:00:00Z\","
                    + "\"lastUsedAt\":\"2000-01-01T00:00:00Z\",\"status\":\"revoked\",\"token\":\"x\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonObject t = created.json();
    assertThat(t.getString("id")).isNotEqualTo(forgedId);
    assertThat(t.getString("status")).isEqualTo("active");
    assertThat(t.get("revokedAt")).isNull();
    assertThat(t.get("lastUsedAt")).isNull();
    assertThat(Instant.parse(t.getString("createdAt")))
        .isAfter(Instant.now().minus(Duration.ofMinutes(5)));
    assertThat(t.getString("token")).isNotEqualTo("x");
    Api.Reply context = Api.withToken(t.getString("token")).get("/api/v1/context");
    assertThat(context.status()).isEqualTo(200);
    assertThat(context.json().getJsonObject("organization").getString("name"))
        .isEqualTo(owner.org());

    Api.Reply wf =
        Api.withToken(token)
            .post(
                "/api/v1/workflows",
                "{\"name\":\"mass\",\"project\":\"p\",\"id\":\""
                    + forgedId
                    + "\",\"organizationId\":\""
                    + forgedId
                    + "\",\"runsCount\":99,\"createdAt\":\"2000-01-01T00:00:00Z\"}");
    assertThat(wf.status()).as(wf.toString()).isEqualTo(201);
    assertThat(wf.json().getString("id")).isNotEqualTo(forgedId);
    assertThat(wf.json().getInt("runsCount")).isZero();
    assertThat(Instant.parse(wf.json().getString("createdAt")))
        .isAfter(Instant.now().minus(Duration.ofMinutes(5)));
  }

  /** A1: token create, revoke and rejected use leave audit rows with actor, target and UTC time. */
  @Test
  void tokenLifecycleIsAuditedWithActorTargetAndUtcTime() {
    Api.Reply created = owner.api().post("/api/v1/api-tokens", "{\"name\":\"audited\"}");
    String id = created.json().getString("id");
    String secret = created.json().getString("token");
    assertThat(Api.withToken(secret).get("/api/v1/context").status()).isEqualTo(200);
    assertThat(owner.api().delete("/api/v1/api-tokens/" + id).status()).isEqualTo(204);
    assertThat(Api.withToken(secret).get("/api/v1/context").status()).isEqualTo(401);

    Api.Reply log = owner.api().get("/api/v1/audit-events?limit=100");
    assertThat(log.status()).isEqualTo(200);
    assertThat(log.body()).doesNotContain(secret).doesNotContain(secret.split("\\.")[2]);
    Set<String> actions = new HashSet<>();
    for (var v : log.json().getJsonArray("items")) {
      JsonObject e = v.asJsonObject();
      if (!id.equals(e.getString("targetId", null))) {
        continue;
      }
      actions.add(e.getString("action"));
      assertThat(e.getString("actor")).isNotBlank();
      assertThat(e.getString("occurredAt")).endsWith("Z");
      assertThat(Instant.parse(e.getString("occurredAt")))
          .isBetween(Instant.now().minusSeconds(120), Instant.now().plusSeconds(5));
      if (e.getString("action").equals("api_token.created")
          || e.getString("action").equals("api_token.revoked")) {
        assertThat(e.getString("actor")).isEqualTo(owner.email());
      }
    }
    assertThat(actions).contains("api_token.created", "api_token.revoked", "api_token.rejected");
  }

  /** D6: stored attestations have no update or delete API. */
  @Test
  void attestationsHaveNoUpdateOrDeleteApi() {
    Api api = Api.withToken(token);
    String runId =
        api.post("/api/v1/attestations/init", "{\"workflow\":\"immutable\",\"project\":\"p\"}")
            .json()
            .getString("attestationId");
    byte[] bundle = Attestations.bundle(runId, "immutable");
    String body = new String(bundle, StandardCharsets.UTF_8);
    String digest =
        api.send("POST", Attestations.storePath(runId), body, "application/json")
            .json()
            .getString("digest");
    for (String path :
        List.of("/api/v1/workflow-runs/" + runId, "/api/v1/workflow-runs/by-digest/" + digest)) {
      assertThat(api.put(path, "{}").status()).as("PUT " + path).isEqualTo(405);
      assertThat(api.patch(path, "{}").status()).as("PATCH " + path).isEqualTo(405);
      assertThat(api.delete(path).status()).as("DELETE " + path).isEqualTo(405);
      assertThat(owner.api().delete(path).status()).as("DELETE as owner " + path).isEqualTo(405);
    }
    assertThat(api.get("/api/v1/workflow-runs/by-digest/" + digest).body())
        .contains(Base64.getEncoder().encodeToString(bundle));
  }

  /**
   * D5: a statement that is not in-toto v1 (or an envelope that does not carry one) is refused with
   * a 400 naming the field; the run stays open and the correct bundle is then accepted.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedStatements")
  void malformedStatementsAreRejectedAndTheRunStaysOpen(
      String what, Function<String, byte[]> bundleForRun, String field) {
    Api api = Api.withToken(token);
    String runId =
        api.post("/api/v1/attestations/init", "{\"workflow\":\"statements\",\"project\":\"p\"}")
            .json()
            .getString("attestationId");
    Api.Reply refused =
        api.send(
            "POST",
            Attestations.storePath(runId),
            new String(bundleForRun.apply(runId), StandardCharsets.UTF_8),
            "application/json");
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().getJsonArray("violations").getJsonObject(0).getString("field"))
        .as(refused.toString())
        .isEqualTo(field);
    assertThat(
            api.get("/api/v1/workflow-runs/" + runId)
                .json()
                .getJsonObject("run")
                .getString("state"))
        .isEqualTo("initialized");

    byte[] good = Attestations.bundle(runId, what);
    Api.Reply stored =
        api.send(
            "POST",
            Attestations.storePath(runId),
            new String(good, StandardCharsets.UTF_8),
            "application/json");
    assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
    assertThat(stored.json().getString("digest")).isEqualTo(Attestations.digest(good));
  }

  static Stream<Arguments> malformedStatements() {
    String digest = "\"digest\":{\"sha256\":\"" + "a".repeat(64) + "\"}";
    return Stream.of(
        Arguments.of(
            "in-toto v0.1 _type",
            statement(
                "https://in-toto.io/Statement/v0.1",
                "[{\"name\":\"x\"," + digest + "}]",
                "https://slsa.dev/provenance/v1"),
            "statement._type"),
        Arguments.of(
            "predicateType not a URI",
            statement(IN_TOTO_V1, "[{\"name\":\"x\"," + digest + "}]", "not a uri"),
            "statement.predicateType"),
        Arguments.of(
            "no subject",
            statement(IN_TOTO_V1, null, "https://slsa.dev/provenance/v1"),
            "statement.subject"),
        Arguments.of(
            "empty subject list",
            statement(IN_TOTO_V1, "[]", "https://slsa.dev/provenance/v1"),
            "statement.subject"),
        Arguments.of(
            "subject without digest",
            statement(IN_TOTO_V1, "[{\"name\":\"x\"}]", "https://slsa.dev/provenance/v1"),
            "statement.subject[0].digest"),
        Arguments.of(
            "second subject with a short sha256",
            statement(
                IN_TOTO_V1,
                "[{\"name\":\"x\","
                    + digest
                    + "},{\"name\":\"y\",\"digest\":{\"sha256\":\"abc\"}}]",
                "https://slsa.dev/provenance/v1"),
            "statement.subject[1].digest.sha256"),
        Arguments.of(
            "upper-case sha256",
            statement(
                IN_TOTO_V1,
                "[{\"name\":\"x\",\"digest\":{\"sha256\":\"" + "A".repeat(64) + "\"}}]",
                "https://slsa.dev/provenance/v1"),
            "statement.subject[0].digest.sha256"),
        Arguments.of(
            "payloadType other than in-toto",
            (Function<String, byte[]>)
                runId -> withPayloadType(Attestations.bundle(runId, "typed"), "application/json"),
            "dsseEnvelope.payloadType"),
        Arguments.of(
            "payload not JSON",
            (Function<String, byte[]>) runId -> Attestations.sign("not json at all"),
            "dsseEnvelope.payload"));
  }

  /**
   * A signed bundle over a statement for the run with these parts ({@code subjects} null: absent).
   */
  private static Function<String, byte[]> statement(
      String type, String subjects, String predicateType) {
    return runId ->
        Attestations.sign(
            "{\"_type\":\""
                + type
                + "\","
                + (subjects == null ? "" : "\"subject\":" + subjects + ",")
                + "\"predicateType\":\""
                + predicateType
                + "\",\"predicate\":{\"metadata\":{\"workflowRunID\":\""
                + runId
                + "\"}}}");
  }

  private static byte[] withPayloadType(byte[] bundle, String payloadType) {
    try (var r = Json.createReader(new ByteArrayInputStream(bundle))) {
      JsonObject b = r.readObject();
      JsonObject envelope =
          Json.createObjectBuilder(b.getJsonObject("dsseEnvelope"))
              .add("payloadType", payloadType)
              .build();
      return Json.createObjectBuilder(b)
          .add("dsseEnvelope", envelope)
          .build()
          .toString()
          .getBytes(StandardCharsets.UTF_8);
    }
  }

  /** D7: pushing to a run that does not exist is 404. */
  @Test
  void pushToAnUnknownRunIsNotFound() {
    String unknown = UUID.randomUUID().toString();
    Api.Reply r =
        Api.withToken(token)
            .send(
                "POST",
                Attestations.storePath(unknown),
                new String(Attestations.bundle(unknown, "u"), StandardCharsets.UTF_8),
                "application/json");
    assertThat(r.status()).isEqualTo(404);
  }

  /** D8: concurrent pushes lose nothing and duplicate nothing. */
  @Test
  void concurrentPushesAreNeitherLostNorDuplicated() throws Exception {
    Api api = Api.withToken(Fixtures.apiToken(Fixtures.ownerWithOrg()));
    List<String> runs = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      runs.add(
          api.post("/api/v1/attestations/init", "{\"workflow\":\"ci\",\"project\":\"p\"}")
              .json()
              .getString("attestationId"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      List<Callable<String>> pushes = new ArrayList<>();
      for (String run : runs) {
        byte[] bundle = Attestations.bundle(run, run);
        for (int copy = 0; copy < 3; copy++) { // each CI job retries twice, at the same time
          pushes.add(
              () -> {
                Api.Reply r =
                    api.send(
                        "POST",
                        Attestations.storePath(run),
                        new String(bundle, StandardCharsets.UTF_8),
                        "application/json");
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
                assertThat(r.json().getString("digest")).isEqualTo(Attestations.digest(bundle));
                return run;
              });
        }
      }
      for (Future<String> f : pool.invokeAll(pushes)) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Api.Reply list = api.get("/api/v1/workflow-runs?limit=100");
    var items = list.json().getJsonArray("items");
    assertThat(items).hasSize(runs.size());
    Set<String> digests = new HashSet<>();
    for (var v : items) {
      assertThat(v.asJsonObject().getString("state")).isEqualTo("success");
      digests.add(v.asJsonObject().getString("attestationDigest"));
    }
    assertThat(digests).hasSize(runs.size());
  }

  /**
   * A2: last use is recorded, but at most once a minute per token, so reads do not become writes.
   */
  @Test
  void lastUseIsRecordedButCoalesced() {
    Api.Reply created = owner.api().post("/api/v1/api-tokens", "{\"name\":\"coalesced\"}");
    String secret = created.json().getString("token");
    String id = created.json().getString("id");
    assertThat(Api.withToken(secret).get("/api/v1/context").status()).isEqualTo(200);
    String first = lastUsedAt(id);
    assertThat(first).isNotNull();
    for (int i = 0; i < 30; i++) {
      assertThat(Api.withToken(secret).get("/api/v1/context").status()).isEqualTo(200);
    }
    assertThat(lastUsedAt(id))
        .as("no write for each of 30 calls within the minute")
        .isEqualTo(first);
  }

  private static String lastUsedAt(String id) {
    for (var v : owner.api().get("/api/v1/api-tokens").json().getJsonArray("items")) {
      if (v.asJsonObject().getString("id").equals(id)) {
        return v.asJsonObject().getString("lastUsedAt", null);
      }
    }
    throw new AssertionError("token " + id + " not listed");
  }

  /** L5: digests are sha256 with 64 hex characters (normalized to lower case), nothing else. */
  @Test
  void malformedDigestsAreRejected() {
    Api api = Api.withToken(token);
    String hex = "a".repeat(64);
    for (String bad :
        List.of(
            "sha256:" + hex.substring(1),
            "sha256:" + hex + "a",
            "md5:" + hex,
            "sha512:" + hex,
            "sha256:" + "g".repeat(64),
            "sha256:%20" + hex)) {
      Api.Reply r = api.get("/api/v1/artifacts/" + bad);
      assertThat(r.status()).as(bad + " " + r).isEqualTo(400);
    }
    assertThat(api.get("/api/v1/artifacts/sha256:" + hex).status()).isEqualTo(404);
  }

  private static String sign(String header, String body, KeyPair key) throws Exception {
    String input = TestTokens.b64(header) + "." + TestTokens.b64(body);
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(key.getPrivate());
    rsa.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + TestTokens.b64(rsa.sign());
  }
}
