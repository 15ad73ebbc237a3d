import dev.chainloop.ee.cli.attestation.Bundles;
import dev.chainloop.ee.cli.attestation.Signers;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's load generator and seeder (bench/run drives it; not part of the product).
 *
 * <p>Closed-loop: every connection sends its next request as soon as the previous answer is read,
 * over a kept-alive raw HTTP/1.1 socket (no client library in the measured path). Latencies are
 * kept in full and sorted at the end, so percentiles are exact. Every scenario prints one line:
 * {@code RESULT <scenario> <requests> <req/s> <p50 ms> <p99 ms> <errors>}.
 *
 * <pre>
 *   get     NAME URL CONNECTIONS SECONDS [TOKEN]      throughput of one GET
 *   latency NAME URL REQUESTS [TOKEN]                 one connection, sequential (growth lists)
 *   attest  NAME BASE TOKEN WORKFLOW PROJECT CONNECTIONS SECONDS   init + signed store per iteration
 *   clone   JDBC_URL USER PASSWORD TABLE ID COUNT UNIQUE_COLUMN    copies one row COUNT times
 *   sql     JDBC_URL USER PASSWORD STATEMENT                        runs one update statement
 * </pre>
 */
public class LoadGen {
  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "get" ->
          closedLoop(
              args[1],
              Integer.parseInt(args[3]),
              Integer.parseInt(args[4]),
              () -> new GetIteration(URI.create(args[2]), args.length > 5 ? args[5] : null, null));
      case "latency" ->
          latency(
              args[1],
              URI.create(args[2]),
              Integer.parseInt(args[3]),
              args.length > 4 ? args[4] : null,
              args.length > 5 ? args[5] : null);
      case "attest" ->
          closedLoop(
              args[1],
              Integer.parseInt(args[6]),
              Integer.parseInt(args[7]),
              () -> new AttestIteration(URI.create(args[2]), args[3], args[4], args[5]));
      case "clone" ->
          cloneRows(args[1], args[2], args[3], args[4], args[5], Integer.parseInt(args[6]), args[7]);
      case "sql" -> executeUpdate(args[1], args[2], args[3], args[4]);
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  // ---- load -------------------------------------------------------------------------------------

  interface Iteration {
    /** One unit of work; true if every answer was a 2xx. */
    boolean run() throws IOException;
  }

  interface IterationFactory {
    Iteration create() throws Exception;
  }

  static void closedLoop(String name, int connections, int seconds, IterationFactory factory)
      throws Exception {
    AtomicLong errors = new AtomicLong();
    AtomicLong warm = new AtomicLong();
    List<long[]> samples = new ArrayList<>();
    int[] counts = new int[connections];
    Thread[] threads = new Thread[connections];
    // A short warm-up (not recorded) so that JIT and pools of both sides settle first.
    long warmupEnd = System.nanoTime() + Math.min(3, Math.max(1, seconds / 4)) * 1_000_000_000L;
    long[] window = new long[2];
    for (int i = 0; i < connections; i++) {
      long[] mine = new long[1 << 16];
      samples.add(mine);
      int idx = i;
      Iteration it = factory.create();
      threads[i] =
          new Thread(
              () -> {
                long[] buf = mine;
                int n = 0;
                while (System.nanoTime() < warmupEnd) {
                  warm.incrementAndGet();
                  try {
                    it.run();
                  } catch (IOException e) {
                    // warm-up failures are not counted
                  }
                }
                long end = warmupEnd + seconds * 1_000_000_000L;
                while (true) {
                  long t0 = System.nanoTime();
                  if (t0 >= end) {
                    break;
                  }
                  boolean ok;
                  try {
                    ok = it.run();
                  } catch (IOException e) {
                    ok = false;
                  }
                  if (!ok) {
                    errors.incrementAndGet();
                  }
                  if (n == buf.length) {
                    buf = Arrays.copyOf(buf, n * 2);
                  }
                  buf[n++] = System.nanoTime() - t0;
                }
                synchronized (samples) {
                  samples.set(idx, buf);
                  counts[idx] = n;
                }
              });
    }
    for (Thread t : threads) {
      t.start();
    }
    window[0] = warmupEnd;
    for (Thread t : threads) {
      t.join();
    }
    window[1] = System.nanoTime();
    int total = 0;
    for (int c : counts) {
      total += c;
    }
    long[] all = new long[total];
    int pos = 0;
    for (int i = 0; i < connections; i++) {
      System.arraycopy(samples.get(i), 0, all, pos, counts[i]);
      pos += counts[i];
    }
    report(name, all, (window[1] - window[0]) / 1e9, errors.get(), warm.get());
  }

  static void latency(String name, URI uri, int requests, String token, String org)
      throws IOException {
    GetIteration it = new GetIteration(uri, token, org);
    long errors = 0;
    int warm = Math.max(50, requests / 5);
    for (int i = 0; i < warm; i++) {
      it.run();
    }
    long[] all = new long[requests];
    long start = System.nanoTime();
    for (int i = 0; i < requests; i++) {
      long t0 = System.nanoTime();
      if (!it.run()) {
        errors++;
      }
      all[i] = System.nanoTime() - t0;
    }
    report(name, all, (System.nanoTime() - start) / 1e9, errors, warm);
  }

  /** The last field counts every iteration sent, warm-up included (for CPU per iteration). */
  static void report(String name, long[] nanos, double seconds, long errors, long warmup) {
    Arrays.sort(nanos);
    System.out.printf(
        "RESULT\t%s\t%d\t%.0f\t%.2f\t%.2f\t%d\t%d%n",
        name,
        nanos.length,
        nanos.length / seconds,
        percentile(nanos, 50) / 1e6,
        percentile(nanos, 99) / 1e6,
        errors,
        nanos.length + warmup);
  }

  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  static final class GetIteration implements Iteration {
    final HttpConnection conn;
    final byte[] request;

    GetIteration(URI uri, String token, String organization) {
      conn = new HttpConnection(uri);
      String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      String org = organization == null ? "" : "Chainloop-Organization: " + organization + "\r\n";
      request = conn.request("GET", path, token, null, org);
    }

    @Override
    public boolean run() throws IOException {
      return conn.exchange(request).ok();
    }
  }

  /** One CI pipeline: init a run, sign its statement on the client, store the bundle. */
  static final class AttestIteration implements Iteration {
    static final Pattern RUN_ID = Pattern.compile("\"attestationId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    final HttpConnection conn;
    final String token;
    final byte[] init;
    final KeyPair key = Signers.ephemeralP256();
    final String publicKeyParam =
        URLEncoder.encode(
            Base64.getEncoder().encodeToString(key.getPublic().getEncoded()),
            StandardCharsets.UTF_8);
    long counter;

    AttestIteration(URI base, String token, String workflow, String project) {
      this.conn = new HttpConnection(base);
      this.token = token;
      this.init =
          conn.request(
              "POST",
              "/api/v1/attestations/init",
              token,
              ("{\"workflow\":\"" + workflow + "\",\"project\":\"" + project + "\"}")
                  .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean run() throws IOException {
      Response r = conn.exchange(init);
      if (!r.ok()) {
        return false;
      }
      Matcher m = RUN_ID.matcher(new String(r.body(), StandardCharsets.UTF_8));
      if (!m.find()) {
        return false;
      }
      String runId = m.group(1);
      byte[] bundle;
      try {
        bundle = Bundles.sign(statement(runId, counter++), key.getPrivate(), key.getPublic(), null);
      } catch (Exception e) {
        throw new IOException(e);
      }
      // The bundle names its key by hint only (Sigstore bundle v0.3); the key travels beside it.
      String path = "/api/v1/attestations/" + runId + "/store?publicKey=" + publicKeyParam;
      return conn.exchange(conn.request("POST", path, token, bundle)).ok();
    }

    static byte[] statement(String runId, long n) {
      String digest;
      try {
        digest =
            HexFormat.of()
                .formatHex(
                    MessageDigest.getInstance("SHA-256")
                        .digest((runId + n).getBytes(StandardCharsets.UTF_8)));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return ("{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"bench\",\"digest\":{\"sha256\":\""
              + digest
              + "\"}}],\"predicateType\":\"chainloop.dev/attestation/v0.2\",\"predicate\":{\"metadata\":{\"workflowRunID\":\""
              + runId
              + "\"}}}")
          .getBytes(StandardCharsets.UTF_8);
    }
  }

  record Response(int status, byte[] body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** A kept-alive HTTP/1.1 connection; reconnects after a close or a failure. */
  static final class HttpConnection {
    final String host;
    final int port;
    Socket socket;
    InputStream in;
    OutputStream out;

    HttpConnection(URI uri) {
      host = uri.getHost();
      port = uri.getPort();
    }

    byte[] request(String method, String path, String token, byte[] body) {
      return request(method, path, token, body, "");
    }

    byte[] request(String method, String path, String token, byte[] body, String extraHeaders) {
      StringBuilder sb = new StringBuilder();
      sb.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port);
      sb.append("\r\nAccept: application/json\r\n").append(extraHeaders);
      if (token != null) {
        sb.append("Authorization: Bearer ").append(token).append("\r\n");
      }
      if (body != null) {
        sb.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
      }
      sb.append("\r\n");
      byte[] head = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
      if (body == null) {
        return head;
      }
      byte[] all = Arrays.copyOf(head, head.length + body.length);
      System.arraycopy(body, 0, all, head.length, body.length);
      return all;
    }

    Response exchange(byte[] request) throws IOException {
      try {
        if (socket == null) {
          socket = new Socket();
          socket.setTcpNoDelay(true);
          socket.connect(new InetSocketAddress(host, port), 5000);
          socket.setSoTimeout(30_000);
          in = new BufferedInputStream(socket.getInputStream(), 16384);
          out = socket.getOutputStream();
        }
        out.write(request);
        out.flush();
        return read();
      } catch (IOException e) {
        close();
        throw e;
      }
    }

    private Response read() throws IOException {
      String status = line();
      int code = Integer.parseInt(status.substring(9, 12));
      long length = -1;
      boolean chunked = false;
      boolean close = false;
      for (String h = line(); !h.isEmpty(); h = line()) {
        int colon = h.indexOf(':');
        String k = h.substring(0, colon).trim().toLowerCase();
        String v = h.substring(colon + 1).trim();
        switch (k) {
          case "content-length" -> length = Long.parseLong(v);
          case "transfer-encoding" -> chunked = v.toLowerCase().contains("chunked");
          case "connection" -> close = v.equalsIgnoreCase("close");
          default -> {}
        }
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      if (chunked) {
        while (true) {
          String size = line();
          int semi = size.indexOf(';');
          int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
          if (n == 0) {
            while (!line().isEmpty()) {
              // trailers
            }
            break;
          }
          body.write(in.readNBytes(n));
          line();
        }
      } else if (length >= 0) {
        body.write(in.readNBytes((int) length));
      }
      if (close) {
        close();
      }
      return new Response(code, body.toByteArray());
    }

    private String line() throws IOException {
      StringBuilder sb = new StringBuilder();
      int c;
      while ((c = in.read()) != -1) {
        if (c == '\n') {
          int len = sb.length();
          return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
        }
        sb.append((char) c);
      }
      throw new IOException("connection closed");
    }

    void close() {
      try {
        if (socket != null) {
          socket.close();
        }
      } catch (IOException ignored) {
        // already gone
      }
      socket = null;
    }
  }

  // ---- seeding ----------------------------------------------------------------------------------

  /**
   * Copies row {@code id} of {@code table} {@code count} times with fresh ids, a unique value in
   * {@code uniqueColumn} and created_at one millisecond apart (older than the template), in batches.
   * Reads the column list from the row itself, so it follows the schema EclipseLink created.
   */
  static void executeUpdate(String url, String user, String password, String sql) throws Exception {
    try (Connection c =
            user.isEmpty() ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
        var statement = c.createStatement()) {
      System.err.println("updated " + statement.executeUpdate(sql) + " rows");
    }
  }

  static void cloneRows(
      String url, String user, String password, String table, String id, int count, String uniqueColumn)
      throws Exception {
    try (Connection c =
        user.isEmpty()
            ? DriverManager.getConnection(url)
            : DriverManager.getConnection(url, user, password)) {
      c.setAutoCommit(false);
      List<String> columns = new ArrayList<>();
      Object[] template;
      try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE id = ?")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new IllegalStateException("no row " + id + " in " + table);
          }
          ResultSetMetaData md = rs.getMetaData();
          template = new Object[md.getColumnCount()];
          for (int i = 1; i <= md.getColumnCount(); i++) {
            columns.add(md.getColumnName(i).toLowerCase());
            template[i - 1] = rs.getObject(i);
          }
        }
      }
      String sql =
          "INSERT INTO "
              + table
              + " ("
              + String.join(", ", columns)
              + ") VALUES ("
              + String.join(", ", columns.stream().map(x -> "?").toList())
              + ")";
      int createdAt = columns.indexOf("created_at");
      Timestamp base = (Timestamp) template[createdAt];
      long start = System.nanoTime();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int n = 1; n <= count; n++) {
          String newId = UUID.randomUUID().toString();
          for (int i = 0; i < columns.size(); i++) {
            String col = columns.get(i);
            Object v = template[i];
            if (col.equals("id")) {
              v = newId;
            } else if (i == createdAt) {
              v = new Timestamp(base.getTime() - n);
            } else if (col.equals(uniqueColumn) && v != null) {
              v = v + "-" + n;
            } else if (col.equals("name")) {
              v = "seed-" + n;
            }
            ps.setObject(i + 1, v);
          }
          ps.addBatch();
          if (n % 1000 == 0) {
            ps.executeBatch();
            c.commit();
          }
        }
        ps.executeBatch();
        c.commit();
      }
      System.out.printf(
          "seeded %d rows into %s in %.1f s%n", count, table, (System.nanoTime() - start) / 1e9);
    }
  }
}
