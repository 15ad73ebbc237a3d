package dev.chainloop.ee.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chainloop.ee.cli.attestation.Bundles;
import dev.chainloop.ee.cli.attestation.Keys;
import dev.chainloop.ee.cli.attestation.Signers;
import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Attestations;
import dev.chainloop.ee.it.support.Cli;
import dev.chainloop.ee.it.support.Fixtures;
import dev.chainloop.ee.it.support.SigstoreJs;
import dev.chainloop.ee.it.support.TimestampClient;
import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two servers, one PostgreSQL database (the two-nodes Maven profile starts node B): what one node
 * does is seen at once by the other, and background sweepers running on both nodes act on each row
 * exactly once. The database is read directly only to prove "exactly once" (row versions, audit
 * rows) and to age a token, which stands in for days passing.
 */
class TwoNodeIT {
  private static final String B = System.getProperty("chainloop.test.url.b");

  @BeforeAll
  static void nodeBIsReady() throws Exception {
    await("node B ready")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> Api.anonymous().on(B).get("/health/ready").status() == 200);
  }

  private static Api onA(String token) {
    return Api.withToken(token);
  }

  private static Api onB(String token) {
    return Api.withToken(token).on(B);
  }

  @Test
  void tokenRevokedOnNodeAIsRejectedByNodeBOnTheNextRequest() {
    Fixtures.Account owner = Fixtures.ownerWithOrg();
    String token = Fixtures.apiToken(owner);
    assertThat(onB(token).get("/api/v1/context").status()).isEqualTo(200);
    assertThat(onB(owner.userToken()).get("/api/v1/context").status()).isEqualTo(200);
    String id = onA(token).get("/api/v1/api-tokens/self").json().getString("id");

    assertThat(owner.api().delete("/api/v1/api-tokens/" + id).status()).isEqualTo(204);

    assertThat(onB(token).get("/api/v1/context").status()).isEqualTo(401);
    assertThat(onA(token).get("/api/v1/context").status()).isEqualTo(401);
  }

  @Test
  void workflowAndAttestationCreatedOnNodeAAreReadOnNodeB() {
    Fixtures.Account owner = Fixtures.ownerWithOrg();
    String token = Fixtures.apiToken(owner);
    var wf =
        onA(token)
            .post(
                "/api/v1/workflows", "{\"name\":\"build\",\"project\":\"core\",\"team\":\"sec\"}");
    assertThat(wf.status()).as(wf.toString()).isEqualTo(201);
    var onB = onB(token).get("/api/v1/workflows/" + wf.json().getString("id"));
    assertThat(onB.status()).as(onB.toString()).isEqualTo(200);
    assertThat(onB.json().getString("name")).isEqualTo("build");

    var init =
        onA(token)
            .post("/api/v1/attestations/init", "{\"workflow\":\"build\",\"project\":\"core\"}");
    assertThat(init.status()).as(init.toString()).isEqualTo(200);
    String runId = init.json().getString("attestationId");
    byte[] bundle = Attestations.bundle(runId, "two-nodes");
    var stored =
        onA(token)
            .send(
                "POST",
                Attestations.storePath(runId),
                new String(bundle, StandardCharsets.UTF_8),
                "application/json");
    assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
    String digest = stored.json().getString("digest");
    assertThat(digest).isEqualTo(Attestations.digest(bundle));

    var read = onB(token).get("/api/v1/workflow-runs/by-digest/" + digest);
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    assertThat(read.json().getJsonObject("run").getString("state")).isEqualTo("success");
    assertThat(
            Base64.getDecoder()
                .decode(read.json().getJsonObject("attestation").getString("bundle")))
        .isEqualTo(bundle);
  }

  @Test
  void artifactUploadedOnNodeADownloadsByteIdenticalFromNodeB() throws Exception {
    String token = Fixtures.apiToken(Fixtures.ownerWithOrg());
    byte[] content = new byte[1024 * 1024 + 17];
    new SecureRandom().nextBytes(content);
    String digest = Attestations.digest(content);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    var put =
        http.send(
            HttpRequest.newBuilder(URI.create(Api.BASE_URL + "/api/v1/artifacts/" + digest))
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(201);

    var get =
        http.send(
            HttpRequest.newBuilder(URI.create(B + "/api/v1/artifacts/" + digest))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.body()).isEqualTo(content);
  }

  @Test
  void runExpirySweepersOnBothNodesExpireEachRunExactlyOnce() throws Exception {
    String token = Fixtures.apiToken(Fixtures.ownerWithOrg());
    List<String> runs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Api node = i % 2 == 0 ? onA(token) : onB(token);
      var init =
          node.post("/api/v1/attestations/init", "{\"workflow\":\"nightly\",\"project\":\"p\"}");
      assertThat(init.status()).as(init.toString()).isEqualTo(200);
      runs.add(init.json().getString("attestationId"));
    }
    Map<String, Long> versionAtStart = new HashMap<>();
    for (String id : runs) {
      versionAtStart.put(id, runRow(id).version());
    }

    // Both nodes check every second for runs older than 25 s (the IT servers' settings).
    await("runs expired in time")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> runs.stream().allMatch(id -> runRow(id).state().equals("expired")));
    // Several more sweeps on each node, which must not touch them again.
    Map<String, Long> versionWhenExpired = new HashMap<>();
    for (String id : runs) {
      versionWhenExpired.put(id, runRow(id).version());
    }
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              for (String id : runs) {
                assertThat(runRow(id).version()).isEqualTo(versionWhenExpired.get(id));
              }
            });
    for (String id : runs) {
      RunRow row = runRow(id);
      assertThat(row.state()).isEqualTo("expired");
      assertThat(row.version())
          .as("one state change for run " + id)
          .isEqualTo(versionAtStart.get(id) + 1);
      assertThat(
              onB(token)
                  .get("/api/v1/workflow-runs/" + id)
                  .json()
                  .getJsonObject("run")
                  .getString("state"))
          .isEqualTo("expired");
    }
  }

  @Test
  void tokenInactivitySweepersOnBothNodesRevokeAndAuditEachTokenOnce() throws Exception {
    Fixtures.Account owner = Fixtures.ownerWithOrg();
    assertThat(
            owner
                .api()
                .patch("/api/v1/organizations/" + owner.org(), "{\"apiTokenMaxDaysInactive\":3}")
                .status())
        .isEqualTo(200);
    List<String> tokens = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String token = Fixtures.apiToken(owner);
      tokens.add(token);
      ids.add(onB(token).get("/api/v1/api-tokens/self").json().getString("id"));
    }
    String fresh = Fixtures.apiToken(owner);

    // Four days pass for these tokens (not for `fresh`): both nodes sweep every 2 s.
    try (Connection db = database();
        PreparedStatement age =
            db.prepareStatement(
                "UPDATE api_tokens SET created_at = created_at - INTERVAL '4 days',"
                    + " last_used_at = last_used_at - INTERVAL '4 days' WHERE id = ?")) {
      for (String id : ids) {
        age.setString(1, id);
        assertThat(age.executeUpdate()).isEqualTo(1);
      }
    }

    await("stale tokens revoked in time")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> ids.stream().allMatch(id -> tokenRevoked(id)));
    // More sweeps on both nodes, which must not revoke them again.
    await()
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(12))
        .untilAsserted(
            () -> {
              for (String id : ids) {
                assertThat(auditCount(id, "api_token.auto_revoked")).isLessThanOrEqualTo(1);
              }
            });
    for (int i = 0; i < ids.size(); i++) {
      assertThat(auditCount(ids.get(i), "api_token.auto_revoked"))
          .as("one auto-revocation audit row for token " + ids.get(i))
          .isEqualTo(1);
      assertThat(onA(tokens.get(i)).get("/api/v1/context").status()).isEqualTo(401);
      assertThat(onB(tokens.get(i)).get("/api/v1/context").status()).isEqualTo(401);
    }
    assertThat(onB(fresh).get("/api/v1/context").status()).isEqualTo(200);
  }

  @Test
  void auditedRequestsOnBothNodesAtOnceKeepOneLinearChain() throws Exception {
    Fixtures.Account owner = Fixtures.ownerWithOrg();
    long before =
        onA(owner.userToken()).get("/api/v1/audit-events?limit=1").json().getInt("totalCount");
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<Api.Reply>> created = new ArrayList<>();
    try {
      for (int i = 0; i < 64; i++) {
        Api node = i % 2 == 0 ? onA(owner.userToken()) : onB(owner.userToken());
        String body = "{\"name\":\"" + Fixtures.uniqueName("ci") + "\"}";
        created.add(pool.submit(() -> node.post("/api/v1/api-tokens", body)));
      }
      for (Future<Api.Reply> f : created) {
        assertThat(f.get().status()).as(f.get().toString()).isEqualTo(201);
      }
    } finally {
      pool.shutdown();
    }

    var verdict = onB(owner.userToken()).get("/api/v1/audit-events/verification").json();
    assertThat(verdict.getBoolean("intact")).as(verdict.toString()).isTrue();
    long total =
        onA(owner.userToken()).get("/api/v1/audit-events?limit=1").json().getInt("totalCount");
    assertThat(total).isEqualTo(before + 64);
    assertThat(verdict.getJsonNumber("events").longValue()).isEqualTo(total);
  }

  /**
   * The budget of a credential is one for the cluster (rate 100/s, burst 500 on both nodes, pom).
   * Node A admits until it refuses; node B, which has never seen the token, then has only what
   * refilled since: with a budget per node it would admit a whole burst of its own.
   */
  @Test
  void bothNodesDrawOnOneRateLimitBudgetPerCredential() throws Exception {
    String token = Fixtures.apiToken(Fixtures.ownerWithOrg());
    long admittedOnA = untilRefused(onA(token));
    assertThat(admittedOnA).as("node A admits the whole burst first").isGreaterThanOrEqualTo(500);
    long drainedA = System.nanoTime();
    // Node A settles what it admitted into the shared bucket every second.
    Thread.sleep(2_500);
    long admittedOnB = untilRefused(onB(token));
    double seconds = (System.nanoTime() - drainedA) / 1e9;
    // In the report: a budget per node would have let B admit 500 or more.
    System.out.printf(
        "rate limit: A admitted %d; B admitted %d in %.1f s after A was refused%n",
        admittedOnA, admittedOnB, seconds);
    // What refilled at 100/s since A was refused, plus the requests A still had in flight.
    assertThat(admittedOnB)
        .as("node B admitted %d in %.1f s after A was refused", admittedOnB, seconds)
        .isLessThanOrEqualTo((long) (100 * seconds) + 50);
  }

  /** Admitted requests with one credential until the node answers 429 (8 clients at once). */
  private static long untilRefused(Api node) throws Exception {
    AtomicLong admitted = new AtomicLong();
    AtomicBoolean refused = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < 8; c++) {
        clients.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 2_000 && !refused.get(); i++) {
                    Api.Reply reply = node.get("/api/v1/context");
                    if (reply.status() == 429) {
                      refused.set(true);
                    } else {
                      assertThat(reply.status()).isEqualTo(200);
                      admitted.incrementAndGet();
                    }
                  }
                }));
      }
      for (Future<?> client : clients) {
        client.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(refused.get()).as("a 429 within 16000 requests").isTrue();
    return admitted.get();
  }

  /**
   * Failed logins count on every node: five wrong passwords spread over both nodes lock the account
   * on both (max-failures 5); counted per node, neither would have reached five.
   */
  @Test
  void failedLoginsOnBothNodesCountTowardsOneLockout() {
    String email = Fixtures.uniqueName("guessed") + "@example.com";
    Fixtures.signupAndLogin(email);
    for (int i = 0; i < 5; i++) {
      Api node = i % 2 == 0 ? Api.anonymous() : Api.anonymous().on(B);
      Api.Reply guess =
          node.post(
              "/api/v1/auth/login",
              "{\"email\":\"" + email + "\",\"password\":\"guess-" + i + "\"}");
      assertThat(guess.status()).as("guess %d", i).isEqualTo(401);
    }
    Api.Reply onB =
        Api.anonymous()
            .on(B)
            .post("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"x\"}");
    assertThat(onB.status()).isEqualTo(429);
    Api.Reply onA =
        Api.anonymous()
            .post("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"x\"}");
    assertThat(onA.status()).isEqualTo(429);
  }

  /**
   * A3 on a live cluster (keys re-read every second, pom): a key dropped into the shared keys
   * directory verifies on both nodes, signs once named active, and its predecessor's tokens work
   * until its file is deleted, then are refused on both nodes. A client using the old token on both
   * nodes all along sees no failure before that.
   */
  @Test
  void tokenKeyRotatesOnTheLiveClusterAndRetiredTokensAreRefused() throws Exception {
    Path keys = Path.of(System.getProperty("chainloop.test.data.dir"), "keys");
    Fixtures.Account owner = Fixtures.ownerWithOrg();
    String oldToken = Fixtures.apiToken(owner);
    String oldKid = kidOf(oldToken);
    Traffic client =
        Traffic.start(
            () -> {
              for (Api node : List.of(onA(oldToken), onB(oldToken))) {
                Api.Reply reply = node.get("/api/v1/context");
                if (reply.status() != 200) {
                  return reply.toString();
                }
              }
              return null;
            });
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(3072);
    KeyPair next = rsa.generateKeyPair();
    String nextKid = kidOf(next.getPublic());
    Path ringFile = Files.createDirectories(keys.resolve("jwt-keys")).resolve("next.pem");
    String newToken;
    try {
      Path tmp = Files.createTempFile(keys, "next", ".tmp");
      Files.writeString(tmp, pem(next.getPrivate().getEncoded()));
      Files.move(tmp, ringFile, StandardCopyOption.ATOMIC_MOVE);
      String kid = nextKid;
      await("both nodes publish the new key")
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  Api.anonymous().get("/.well-known/jwks.json").body().contains(kid)
                      && Api.anonymous().on(B).get("/.well-known/jwks.json").body().contains(kid));
      assertThat(kidOf(Fixtures.apiToken(owner))).as("the old key still signs").isEqualTo(oldKid);

      Files.writeString(keys.resolve("jwt-active-kid"), nextKid + "\n");
      await("node B signs with the new key")
          .atMost(Duration.ofSeconds(30))
          .until(() -> kidOf(createdOn(onB(owner.userToken()), owner.org())).equals(kid));
      newToken = createdOn(onB(owner.userToken()), owner.org());
      assertThat(onA(newToken).get("/api/v1/context").status())
          .as("node A verifies node B's new token")
          .isEqualTo(200);
    } finally {
      client.close();
    }
    assertThat(client.failure()).as("a request with the old token during rotation").isNull();
    assertThat(client.rounds()).isPositive();

    Files.delete(keys.resolve("jwt-private.pem"));
    Files.deleteIfExists(keys.resolve("jwt-public.pem"));
    await("both nodes refuse the retired key's token")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                onA(oldToken).get("/api/v1/context").status() == 401
                    && onB(oldToken).get("/api/v1/context").status() == 401);
    assertThat(onA(newToken).get("/api/v1/context").status()).isEqualTo(200);
    assertThat(onB(newToken).get("/api/v1/context").status()).isEqualTo(200);
    assertThat(Api.anonymous().get("/.well-known/jwks.json").body())
        .contains(nextKid)
        .doesNotContain(oldKid);
    // Back to the one-file layout other tests forge tokens with (TestTokens), now with the new key:
    // every intermediate state is a valid key set with the same active key.
    Path tmp = Files.createTempFile(keys, "first", ".tmp");
    Files.writeString(tmp, pem(next.getPrivate().getEncoded()));
    Files.move(tmp, keys.resolve("jwt-private.pem"), StandardCopyOption.ATOMIC_MOVE);
    Files.writeString(
        keys.resolve("jwt-public.pem"),
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(next.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
    Files.delete(ringFile);
    Files.delete(keys.resolve("jwt-active-kid"));
  }

  /**
   * A3 for the keyless signing CA on a live cluster (same reload): a CA made as README tells the
   * operator and dropped into signing-cas/ is listed by both nodes' TrustedRoot, issues once named
   * in signing-ca-active, and keyless pushes on both nodes succeed all along; an attestation
   * certified by the old CA before still verifies after the rotation, with the CLI and with
   * Sigstore's own verifier given only the TrustedRoot. Once the old CA's files are deleted, a
   * bundle it certified is refused at store time on both nodes and no longer verifies.
   */
  @Test
  void signingCaRotatesOnTheLiveClusterAndARetiredCasBundlesAreRefused() throws Exception {
    Path keys = Path.of(System.getProperty("chainloop.test.data.dir"), "keys");
    Path ring = keys.resolve("signing-cas");
    Path oldKey = keys.resolve("signing-ca-key.pem");
    Path oldCert = keys.resolve("signing-ca-cert.pem");
    byte[] oldKeyPem = Files.readAllBytes(oldKey);
    byte[] oldCertPem = Files.readAllBytes(oldCert);
    Fixtures.Account owner = Fixtures.ownerWithOrg();
    String token = Fixtures.apiToken(owner);
    Cli cliA = new Cli().env("CHAINLOOP_TOKEN", token);
    Cli cliB = new Cli().env("CHAINLOOP_TOKEN", token).env("CHAINLOOP_CONTROL_PLANE_API", B);
    Path before = keylessPush(cliA, "ca-before");
    String oldIssuer = issuerOf(before);
    // Certified by the old CA and timestamped now, pushed only once that CA is retired.
    String held = keylessBundleCertifiedNow(token);

    List<Cli> pipelineNodes =
        List.of(
            new Cli().env("CHAINLOOP_TOKEN", token),
            new Cli().env("CHAINLOOP_TOKEN", token).env("CHAINLOOP_CONTROL_PLANE_API", B));
    Traffic pipelines =
        Traffic.start(
            () -> {
              for (Cli node : pipelineNodes) {
                String error = keylessPushError(node, "ca-during");
                if (error != null) {
                  return error;
                }
              }
              return null;
            });
    String newIssuer;
    try {
      Path made = Files.createTempDirectory(keys, "ca-next");
      openssl(
          "genpkey",
          "-algorithm",
          "EC",
          "-pkeyopt",
          "ec_paramgen_curve:P-256",
          "-out",
          made.resolve("next-key.pem").toString());
      openssl(
          "req",
          "-x509",
          "-new",
          "-key",
          made.resolve("next-key.pem").toString(),
          "-out",
          made.resolve("next-cert.pem").toString(),
          "-subj",
          "/O=chainloop/CN=Chainloop EE signing CA next",
          "-days",
          "3650",
          "-addext",
          "basicConstraints=critical,CA:TRUE,pathlen:0",
          "-addext",
          "keyUsage=critical,keyCertSign,cRLSign");
      Files.createDirectories(ring);
      // The key first: the ring is read by its certificates.
      Files.move(
          made.resolve("next-key.pem"),
          ring.resolve("next-key.pem"),
          StandardCopyOption.ATOMIC_MOVE);
      Files.move(
          made.resolve("next-cert.pem"),
          ring.resolve("next-cert.pem"),
          StandardCopyOption.ATOMIC_MOVE);
      Files.delete(made);
      await("both nodes list the new CA")
          .atMost(Duration.ofSeconds(30))
          .until(() -> caCount(Api.anonymous()) == 2 && caCount(Api.anonymous().on(B)) == 2);
      assertThat(issuerOf(keylessPush(cliB, "ca-listed")))
          .as("the old CA still issues")
          .isEqualTo(oldIssuer);

      Files.writeString(keys.resolve("signing-ca-active"), "next\n");
      await("both nodes issue from the new CA")
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  !issuerOf(keylessPush(cliA, "ca-after")).equals(oldIssuer)
                      && !issuerOf(keylessPush(cliB, "ca-after")).equals(oldIssuer));
      newIssuer = issuerOf(keylessPush(cliB, "ca-after"));
    } finally {
      pipelines.close();
    }
    assertThat(pipelines.failure()).as("a keyless push during the rotation").isNull();
    assertThat(pipelines.rounds()).isPositive();
    assertThat(newIssuer).contains("Chainloop EE signing CA next");

    Cli.Result verified = cliB.run("att", "verify", "--bundle", before.toString());
    assertThat(verified.exitCode())
        .as("the old CA's attestation, after the rotation: " + verified)
        .isZero();
    Path trustedRoot =
        Files.writeString(
            cliA.home().resolve("trusted_root.json"),
            Api.anonymous().on(B).get("/api/v1/signing/trusted-root/sigstore").body());
    SigstoreJs.Result sigstore = SigstoreJs.verify(trustedRoot, before);
    assertThat(sigstore.exitCode()).as(sigstore.output()).isZero();

    try {
      Files.delete(oldKey);
      Files.delete(oldCert);
      await("both nodes retire the old CA")
          .atMost(Duration.ofSeconds(30))
          .until(() -> caCount(Api.anonymous()) == 1 && caCount(Api.anonymous().on(B)) == 1);
      for (Api node : List.of(onA(token), onB(token))) {
        Api.Reply init =
            node.post("/api/v1/attestations/init", "{\"workflow\":\"ca-held\",\"project\":\"p\"}");
        assertThat(init.status()).as(init.toString()).isEqualTo(200);
        Api.Reply stored =
            node.send(
                "POST",
                Attestations.storePath(init.json().getString("attestationId")),
                held,
                "application/json");
        assertThat(stored.status()).as(stored.toString()).isEqualTo(400);
        assertThat(stored.json().getJsonArray("violations").getJsonObject(0).getString("field"))
            .isEqualTo("verificationMaterial.certificate");
      }
      Cli.Result refused = cliA.run("att", "verify", "--bundle", before.toString());
      assertThat(refused.exitCode()).isNotZero();
      assertThat(refused.stderr()).contains("not issued by the control plane's CA");
    } finally {
      // Back to the first CA alone, for the tests after this one, the way an operator rotates: the
      // first CA issues again on both nodes before the next one is retired, so no certificate is
      // in flight from a CA a node no longer trusts.
      replace(oldKey, oldKeyPem);
      replace(oldCert, oldCertPem);
      Files.delete(keys.resolve("signing-ca-active"));
      await("both nodes issue from the first CA again")
          .atMost(Duration.ofSeconds(30))
          .until(() -> issues(cliA, oldIssuer) && issues(cliB, oldIssuer));
      Files.delete(ring.resolve("next-cert.pem"));
      Files.delete(ring.resolve("next-key.pem"));
      await("both nodes retire the next CA")
          .atMost(Duration.ofSeconds(30))
          .until(() -> caCount(Api.anonymous()) == 1 && caCount(Api.anonymous().on(B)) == 1);
      assertThat(issuerOf(keylessPush(cliA, "ca-restored"))).isEqualTo(oldIssuer);
      assertThat(issuerOf(keylessPush(cliB, "ca-restored"))).isEqualTo(oldIssuer);
    }
  }

  /** Writes a key file the way an operator should: whole, so no reload reads half of it. */
  private static void replace(Path file, byte[] content) throws IOException {
    Path part = Files.write(file.resolveSibling(file.getFileName() + ".part"), content);
    Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Whether a keyless push through this node succeeds with a certificate of this issuer. */
  private static boolean issues(Cli cli, String issuer) {
    Path bundle = cli.home().resolve(Fixtures.uniqueName("bundle") + ".json");
    return keylessPush(cli, "ca-restoring", bundle) == null && issuerOf(bundle).equals(issuer);
  }

  /** init, add a STRING, push keyless through the real CLI; the bundle it wrote. */
  private static Path keylessPush(Cli cli, String workflow) {
    Path bundle = cli.home().resolve(Fixtures.uniqueName("bundle") + ".json");
    String error = keylessPush(cli, workflow, bundle);
    assertThat(error).isNull();
    return bundle;
  }

  /** The same, for a background pipeline: null, or what failed. */
  private static String keylessPushError(Cli cli, String workflow) {
    Path bundle = cli.home().resolve("during.json");
    return keylessPush(cli, workflow, bundle);
  }

  private static String keylessPush(Cli cli, String workflow, Path bundle) {
    for (String[] step :
        List.of(
            new String[] {"att", "init", "--workflow", workflow, "--project", "p", "--replace"},
            new String[] {"att", "add", "--value", "v", "--kind", "STRING"},
            new String[] {"att", "push", "--bundle", bundle.toString()})) {
      Cli.Result r = cli.run(step);
      if (r.exitCode() != 0) {
        return String.join(" ", step) + ": " + r;
      }
    }
    return null;
  }

  /** The issuer of a keyless bundle's signing certificate. */
  private static String issuerOf(Path bundle) {
    try {
      String raw =
          Json.createReader(new StringReader(Files.readString(bundle)))
              .readObject()
              .getJsonObject("verificationMaterial")
              .getJsonObject("certificate")
              .getString("rawBytes");
      return Keys.certificate(Base64.getDecoder().decode(raw)).getIssuerX500Principal().getName();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int caCount(Api node) {
    Api.Reply root = node.get("/api/v1/signing/trusted-root/sigstore");
    return root.status() == 200 ? root.json().getJsonArray("certificateAuthorities").size() : -1;
  }

  /**
   * A keyless bundle for a statement naming no run (the store checks the certificate first), with a
   * certificate from the CA issuing now and a timestamp of node A's authority.
   */
  private static String keylessBundleCertifiedNow(String token) throws Exception {
    KeyPair pair = Signers.ephemeralP256();
    Api.Reply chain =
        onA(token)
            .post(
                "/api/v1/signing/certificates",
                "{\"publicKey\":\""
                    + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())
                    + "\"}");
    assertThat(chain.status()).as(chain.toString()).isEqualTo(200);
    X509Certificate cert =
        Keys.certificate(Keys.blocks(chain.json().getString("chain")).get(0).der());
    byte[] statement =
        ("{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"x\","
                + "\"digest\":{\"sha256\":\""
                + "0".repeat(64)
                + "\"}}],"
                + "\"predicateType\":\"chainloop.dev/attestation/v0.2\",\"predicate\":{\"metadata\":"
                + "{\"workflowRunID\":\"00000000-0000-0000-0000-000000000000\"}}}")
            .getBytes(StandardCharsets.UTF_8);
    return new String(
        Bundles.sign(
            statement, pair.getPrivate(), pair.getPublic(), cert, TimestampClient.authority(token)),
        StandardCharsets.UTF_8);
  }

  private static void openssl(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
  }

  private static String createdOn(Api node, String org) {
    Api.Reply created =
        node.header("Chainloop-Organization", org)
            .post("/api/v1/api-tokens", "{\"name\":\"" + Fixtures.uniqueName("ci") + "\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getString("token");
  }

  private static String kidOf(String jwt) {
    String header =
        new String(
            Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))),
            StandardCharsets.UTF_8);
    return header.replaceAll(".*\"kid\"\\s*:\\s*\"([^\"]+)\".*", "$1");
  }

  /** The kid the control plane gives a key: base64url SHA-256 of its SPKI, 16 characters. */
  private static String kidOf(PublicKey key) throws Exception {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()))
        .substring(0, 16);
  }

  private static String pem(byte[] pkcs8) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(pkcs8)
        + "\n-----END PRIVATE KEY-----\n";
  }

  record RunRow(String state, long version) {}

  private static RunRow runRow(String id) {
    try (Connection db = database();
        PreparedStatement q =
            db.prepareStatement("SELECT state, version FROM workflow_runs WHERE id = ?")) {
      q.setString(1, id);
      try (ResultSet rs = q.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return new RunRow(rs.getString(1), rs.getLong(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean tokenRevoked(String id) {
    try (Connection db = database();
        PreparedStatement q =
            db.prepareStatement("SELECT revoked_at FROM api_tokens WHERE id = ?")) {
      q.setString(1, id);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() && rs.getTimestamp(1) != null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long auditCount(String targetId, String action) throws Exception {
    try (Connection db = database();
        PreparedStatement q =
            db.prepareStatement(
                "SELECT COUNT(*) FROM audit_events WHERE target_id = ? AND action = ?")) {
      q.setString(1, targetId);
      q.setString(2, action);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static Connection database() throws SQLException {
    return DriverManager.getConnection(
        System.getProperty("chainloop.test.jdbc.url"),
        System.getProperty("chainloop.test.jdbc.user"),
        System.getProperty("chainloop.test.jdbc.password"));
  }

  /**
   * Requests made over and over on a thread of their own while a test changes the cluster: each
   * round answers null, or what went wrong; the first failure is kept.
   */
  private static final class Traffic implements AutoCloseable {
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final AtomicLong rounds = new AtomicLong();
    private final Thread thread;

    private Traffic(Supplier<String> round) {
      thread =
          new Thread(
              () -> {
                while (!stopped.get()) {
                  String error = round.get();
                  rounds.incrementAndGet();
                  if (error != null) {
                    failure.compareAndSet(null, error);
                  }
                }
              },
              "two-node-traffic");
    }

    static Traffic start(Supplier<String> round) {
      Traffic traffic = new Traffic(round);
      traffic.thread.start();
      return traffic;
    }

    String failure() {
      return failure.get();
    }

    long rounds() {
      return rounds.get();
    }

    /** Stops after the round in progress. */
    @Override
    public void close() throws InterruptedException {
      stopped.set(true);
      thread.join();
    }
  }
}
