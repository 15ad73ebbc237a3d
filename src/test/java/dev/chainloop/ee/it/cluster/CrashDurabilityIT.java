package dev.chainloop.ee.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Attestations;
import dev.chainloop.ee.it.support.Fixtures;
import dev.chainloop.ee.it.support.RestartableServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * D1/D2/D3/R3 under crashes: a server of its own (the run's {@link RestartableServer}, copied from
 * the IT server's configuration, on the same database kind) takes attestation pushes from several
 * threads while it is killed with SIGKILL twice and restarted. Afterwards every acknowledged digest
 * is stored byte-identical, no run is half-written, every unacknowledged push can be retried to the
 * same digest and one row, and a token revoked before a crash stays revoked.
 */
@ExtendWith(RestartableServer.Extension.class)
class CrashDurabilityIT {
  private static final int KILLS = 2;
  private static final int PUSHERS = 4;
  private static RestartableServer server;
  private static String url;

  record Push(String runId, byte[] bundle) {}

  @BeforeAll
  static void useServer(RestartableServer restartable) {
    server = restartable;
    url = restartable.url();
  }

  @Test
  void acknowledgedAttestationsSurviveKillNineAndUnacknowledgedOnesCanBeRetried() throws Exception {
    Api anonymous = Api.anonymous().on(url);
    String email = Fixtures.uniqueName("crash") + "@example.com";
    assertThat(
            anonymous
                .post(
                    "/api/v1/auth/signup",
                    "{\"email\":\"" + email + "\",\"password\":\"" + Fixtures.PASSWORD + "\"}")
                .status())
        .isEqualTo(201);
    String userToken =
        anonymous
            .post(
                "/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + Fixtures.PASSWORD + "\"}")
            .json()
            .getString("token");
    Api owner = Api.withToken(userToken).on(url);
    assertThat(
            owner
                .post("/api/v1/organizations", "{\"name\":\"" + Fixtures.uniqueName("org") + "\"}")
                .status())
        .isEqualTo(201);
    String token =
        owner.post("/api/v1/api-tokens", "{\"name\":\"pusher\"}").json().getString("token");
    var doomed = owner.post("/api/v1/api-tokens", "{\"name\":\"doomed\"}").json();
    assertThat(owner.delete("/api/v1/api-tokens/" + doomed.getString("id")).status())
        .isEqualTo(204);
    Api api = Api.withToken(token).on(url);

    Map<String, Push> acked = new ConcurrentHashMap<>();
    Map<String, Push> unacked = new ConcurrentHashMap<>();
    AtomicBoolean stop = new AtomicBoolean();
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<Thread> pushers = new ArrayList<>();
    for (int t = 0; t < PUSHERS; t++) {
      Thread pusher =
          new Thread(
              () -> {
                try {
                  while (!stop.get()) {
                    push(api, acked, unacked);
                  }
                } catch (Throwable failure) {
                  failures.add(failure);
                }
              },
              "pusher-" + t);
      pusher.start();
      pushers.add(pusher);
    }
    // The sleeps here pace the chaos (kills at random moments of the pushes); they wait for no
    // state.
    for (int kill = 0; kill < KILLS; kill++) {
      Thread.sleep(2000 + ThreadLocalRandom.current().nextInt(2000));
      server.kill();
      Thread.sleep(300);
      server.start();
    }
    Thread.sleep(1500);
    stop.set(true);
    for (Thread pusher : pushers) {
      pusher.join(90_000);
    }

    assertThat(failures).isEmpty();
    assertThat(acked).as("acknowledged pushes").isNotEmpty();
    for (var e : acked.entrySet()) {
      Api.Reply r = api.get("/api/v1/workflow-runs/by-digest/" + e.getKey());
      assertThat(r.status()).as("acknowledged " + e.getKey() + ": " + r).isEqualTo(200);
      assertThat(r.json().getJsonObject("run").getString("id")).isEqualTo(e.getValue().runId());
      assertThat(r.json().getJsonObject("run").getString("state")).isEqualTo("success");
      assertThat(
              Base64.getDecoder().decode(r.json().getJsonObject("attestation").getString("bundle")))
          .isEqualTo(e.getValue().bundle());
    }

    Map<String, String> digestOfRun = everyRunIsWholeOrUntouched(api);
    for (Push p : unacked.values()) {
      String expected = Attestations.digest(p.bundle());
      Api.Reply retry =
          api.send(
              "POST",
              Attestations.storePath(p.runId()),
              new String(p.bundle(), StandardCharsets.UTF_8),
              "application/json");
      assertThat(retry.status()).as("retry of " + p.runId() + ": " + retry).isEqualTo(200);
      assertThat(retry.json().getString("digest")).isEqualTo(expected);
    }
    Map<String, String> after = everyRunIsWholeOrUntouched(api);
    Map<String, Integer> rowsPerDigest = new HashMap<>();
    after.values().forEach(d -> rowsPerDigest.merge(d, 1, Integer::sum));
    for (Push p : unacked.values()) {
      assertThat(after.get(p.runId())).isEqualTo(Attestations.digest(p.bundle()));
      assertThat(rowsPerDigest.get(Attestations.digest(p.bundle()))).isEqualTo(1);
    }
    assertThat(after).as("retries change no completed run").containsAllEntriesOf(digestOfRun);

    // R3: revoked before the crashes, still revoked; the live token still works.
    assertThat(Api.withToken(doomed.getString("token")).on(url).get("/api/v1/context").status())
        .isEqualTo(401);
    assertThat(api.get("/api/v1/context").status()).isEqualTo(200);
  }

  /** One init + push; records it as acknowledged only on a 200 with the expected digest. */
  private static void push(Api api, Map<String, Push> acked, Map<String, Push> unacked) {
    String runId;
    try {
      Api.Reply init =
          api.post("/api/v1/attestations/init", "{\"workflow\":\"crash\",\"project\":\"p\"}");
      if (init.status() != 200) {
        pause();
        return;
      }
      runId = init.json().getString("attestationId");
    } catch (RuntimeException down) {
      pause();
      return;
    }
    byte[] bundle = Attestations.bundle(runId, runId);
    Push push = new Push(runId, bundle);
    try {
      Api.Reply stored =
          api.send(
              "POST",
              Attestations.storePath(runId),
              new String(bundle, StandardCharsets.UTF_8),
              "application/json");
      if (stored.status() == 200) {
        assertThat(stored.json().getString("digest")).isEqualTo(Attestations.digest(bundle));
        acked.put(stored.json().getString("digest"), push);
        return;
      }
    } catch (RuntimeException down) {
      // the server died mid-request: not acknowledged
    }
    unacked.put(runId, push);
    pause();
  }

  /**
   * Pages through every run: each is either initialized without a digest, or a success whose stored
   * bundle hashes to its digest. Returns run id to digest for the successful ones.
   */
  private static Map<String, String> everyRunIsWholeOrUntouched(Api api) {
    Map<String, String> digests = new HashMap<>();
    String next = null;
    do {
      Api.Reply page =
          api.get("/api/v1/workflow-runs?limit=100" + (next == null ? "" : "&next=" + next));
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      for (var v : page.json().getJsonArray("items")) {
        var run = v.asJsonObject();
        String id = run.getString("id");
        String state = run.getString("state");
        if (state.equals("initialized")) {
          assertThat(run.get("attestationDigest"))
              .as("run " + id)
              .isIn(null, jakarta.json.JsonValue.NULL);
          continue;
        }
        assertThat(state).as("run " + id).isEqualTo("success");
        String digest = run.getString("attestationDigest");
        Api.Reply details = api.get("/api/v1/workflow-runs/" + id);
        byte[] bundle =
            Base64.getDecoder()
                .decode(details.json().getJsonObject("attestation").getString("bundle"));
        assertThat(Attestations.digest(bundle)).as("run " + id).isEqualTo(digest);
        digests.put(id, digest);
      }
      next = page.json().getString("nextCursor", null);
    } while (next != null);
    return digests;
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
