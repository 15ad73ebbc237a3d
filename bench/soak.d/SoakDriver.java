import dev.chainloop.ee.cli.attestation.Bundles;
import dev.chainloop.ee.cli.attestation.Signers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mixed traffic for bench/soak: args URL SECONDS WORKERS. Every worker has its own user and
 * organization and loops over reads, token churn and an attestation push. Prints one line per
 * operation (requests, errors, p50 and p99 in ms) and "errors N" (transport failures and any status
 * other than the expected one); the first errors of each operation go to stderr.
 */
public class SoakDriver {
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();
  static final Map<String, LongAdder> ERRORS = new ConcurrentHashMap<>();
  /** Per operation: a count of requests by whole milliseconds of latency (the last slot: 10 s and more). */
  static final Map<String, AtomicLongArray> LATENCY = new ConcurrentHashMap<>();

  static final int MAX_MS = 10_000;
  static final KeyPair KEY = Signers.ephemeralP256();
  static String base;

  /** The signer's public key (base64 DER) beside each key-signed bundle, as the CLI sends it. */
  static final String PUBLIC_KEY =
      java.net.URLEncoder.encode(
          java.util.Base64.getEncoder().encodeToString(KEY.getPublic().getEncoded()),
          StandardCharsets.UTF_8);

  public static void main(String[] args) throws Exception {
    base = args[0];
    long until = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000_000L;
    int workers = Integer.parseInt(args[2]);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      Thread t = new Thread(() -> work(until));
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    long errors = ERRORS.values().stream().mapToLong(LongAdder::sum).sum();
    new java.util.TreeMap<>(COUNTS)
        .forEach(
            (op, n) ->
                System.out.println(
                    op + " " + n.sum() + " errors " + ERRORS.getOrDefault(op, new LongAdder()).sum()
                        + " p50 " + percentile(op, 0.50) + " p99 " + percentile(op, 0.99)));
    System.out.println("errors " + errors);
  }

  static void work(long until) {
    String email = "soak-" + UUID.randomUUID() + "@example.com";
    String creds = "{\"email\":\"" + email + "\",\"password\":\"correct-horse-battery\"}";
    call("signup", "POST", "/api/v1/auth/signup", null, creds, 201);
    String user = field(call("login", "POST", "/api/v1/auth/login", null, creds, 200), "token");
    call("org", "POST", "/api/v1/organizations", user, "{\"name\":\"soak-" + UUID.randomUUID().toString().substring(0, 8) + "\"}", 201);
    String ci = field(call("token.create", "POST", "/api/v1/api-tokens", user, "{\"name\":\"ci\"}", 201), "token");
    int i = 0;
    while (System.nanoTime() < until) {
      call("read.context", "GET", "/api/v1/context", ci, null, 200);
      call("read.workflows", "GET", "/api/v1/workflows?limit=20", ci, null, 200);
      call("read.runs", "GET", "/api/v1/workflow-runs?limit=20", ci, null, 200);
      String created = call("token.create", "POST", "/api/v1/api-tokens", user, "{\"name\":\"churn-" + (i++) + "\"}", 201);
      String tok = field(created, "token");
      String id = field(created, "id");
      call("token.use", "GET", "/api/v1/context", tok, null, 200);
      call("token.revoke", "DELETE", "/api/v1/api-tokens/" + id, user, null, 204);
      call("token.rejected", "GET", "/api/v1/context", tok, null, 401);
      String runId = field(call("push.init", "POST", "/api/v1/attestations/init", ci, "{\"workflow\":\"soak\",\"project\":\"p\"}", 200), "attestationId");
      if (runId != null) {
        try {
          byte[] bundle = Bundles.sign(statement(runId), KEY.getPrivate(), KEY.getPublic(), null);
          call("push.store", "POST", "/api/v1/attestations/" + runId + "/store?publicKey=" + PUBLIC_KEY, ci, new String(bundle, StandardCharsets.UTF_8), 200);
        } catch (Exception e) {
          error("push.sign", e.toString());
        }
      }
    }
  }

  static String percentile(String op, double q) {
    AtomicLongArray h = LATENCY.get(op);
    if (h == null) {
      return "-";
    }
    long total = 0;
    for (int i = 0; i < h.length(); i++) {
      total += h.get(i);
    }
    long rank = (long) Math.ceil(q * total);
    long seen = 0;
    for (int i = 0; i < h.length(); i++) {
      seen += h.get(i);
      if (seen >= rank) {
        return Integer.toString(i);
      }
    }
    return "-";
  }

  static void error(String op, String what) {
    long n = ERRORS.computeIfAbsent(op, k -> new LongAdder()).sum();
    ERRORS.get(op).increment();
    if (n < 3) {
      System.err.println(java.time.Instant.now() + " " + op + ": " + what);
    }
  }

  static String call(String op, String method, String path, String token, String body, int expected) {
    COUNTS.computeIfAbsent(op, k -> new LongAdder()).increment();
    long t0 = System.nanoTime();
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(Duration.ofSeconds(30))
              .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      if (body != null) {
        b.header("Content-Type", "application/json");
      }
      if (token != null) {
        b.header("Authorization", "Bearer " + token);
      }
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      int ms = (int) Math.min(MAX_MS, (System.nanoTime() - t0) / 1_000_000);
      LATENCY.computeIfAbsent(op, k -> new AtomicLongArray(MAX_MS + 1)).incrementAndGet(ms);
      if (r.statusCode() != expected) {
        error(op, r.statusCode() + " " + r.body());
      }
      return r.body();
    } catch (Exception e) {
      error(op, e.toString());
      return null;
    }
  }

  static String field(String json, String name) {
    if (json == null) {
      return null;
    }
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    return m.find() ? m.group(1) : null;
  }

  static byte[] statement(String runId) {
    String hex;
    try {
      hex =
          java.util.HexFormat.of()
              .formatHex(
                  java.security.MessageDigest.getInstance("SHA-256")
                      .digest(runId.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return ("{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"x\",\"digest\":{\"sha256\":\""
            + hex
            + "\"}}],\"predicateType\":\"chainloop.dev/attestation/v0.2\",\"predicate\":{\"metadata\":{\"workflowRunID\":\""
            + runId
            + "\"}}}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
