import dev.chainloop.ee.cli.attestation.Bundles;
import dev.chainloop.ee.cli.attestation.Signers;
import dev.chainloop.ee.cli.attestation.Statement;
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
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mixed traffic for bench/soak: args URL SECONDS WORKERS. Every worker has its own user and
 * organization and loops over reads, token churn and an attestation push. Prints one summary line
 * per operation and "errors N" (5xx, transport failures and unexpected statuses).
 */
public class SoakDriver {
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();
  static final Map<String, LongAdder> ERRORS = new ConcurrentHashMap<>();
  static final KeyPair KEY = Signers.ephemeralP256();
  static String base;

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
    COUNTS.forEach((op, n) -> System.out.println(op + " " + n.sum() + " errors " + ERRORS.getOrDefault(op, new LongAdder()).sum()));
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
          call("push.store", "POST", "/api/v1/attestations/" + runId + "/store", ci, new String(bundle, StandardCharsets.UTF_8), 200);
        } catch (Exception e) {
          ERRORS.computeIfAbsent("push.sign", k -> new LongAdder()).increment();
        }
      }
    }
  }

  static String call(String op, String method, String path, String token, String body, int expected) {
    COUNTS.computeIfAbsent(op, k -> new LongAdder()).increment();
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
      if (r.statusCode() != expected) {
        ERRORS.computeIfAbsent(op, k -> new LongAdder()).increment();
        if (ERRORS.get(op).sum() <= 3) {
          System.err.println(op + ": " + r.statusCode() + " " + r.body());
        }
      }
      return r.body();
    } catch (Exception e) {
      ERRORS.computeIfAbsent(op, k -> new LongAdder()).increment();
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
    String hex = Statement.sha256Hex(runId.getBytes(StandardCharsets.UTF_8));
    return ("{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"x\",\"digest\":{\"sha256\":\""
            + hex
            + "\"}}],\"predicateType\":\"chainloop.dev/attestation/v0.2\",\"predicate\":{\"metadata\":{\"workflowRunID\":\""
            + runId
            + "\"}}}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
