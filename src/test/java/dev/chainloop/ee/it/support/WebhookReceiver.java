package dev.chainloop.ee.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An HTTP receiver of the server's integration deliveries on this machine's loopback: it records
 * every request it gets and answers what its {@link Answer} says, and checks deliveries the way a
 * real webhook receiver does ({@link Received#signedWith}, the HMAC of the body).
 */
public final class WebhookReceiver implements AutoCloseable {
  /** What a receiver answers; it may block. */
  public interface Answer {
    int status(HttpExchange exchange) throws Exception;
  }

  /** A request as the receiver got it. */
  public record Received(
      String method, String path, Map<String, List<String>> headers, byte[] body) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    public JsonObject json() {
      try (var reader =
          Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
        return reader.readObject();
      }
    }

    /**
     * Whether its {@code X-Chainloop-Signature} is the HMAC-SHA256 of its body with {@code secret}.
     */
    public boolean signedWith(String secret) {
      return ("sha256=" + hmac(secret, body)).equals(header("X-Chainloop-Signature"));
    }
  }

  private final HttpServer http;
  private final ExecutorService executor = Executors.newCachedThreadPool();

  private WebhookReceiver(int port, Queue<Received> got, Answer answer) throws IOException {
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    http.setExecutor(executor);
    http.createContext(
        "/",
        exchange -> {
          try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            got.add(
                new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body));
            exchange.sendResponseHeaders(answer.status(exchange), -1);
          } catch (Exception e) {
            exchange.sendResponseHeaders(500, -1); // the receiver's own failure: the test fails
          } finally {
            exchange.close();
          }
        });
    http.start();
  }

  /** Listens on {@code port} (0: any free one), adding what it gets to {@code got}. */
  public static WebhookReceiver start(int port, Queue<Received> got, Answer answer)
      throws IOException {
    return new WebhookReceiver(port, got, answer);
  }

  public int port() {
    return http.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:port}. */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  public static String hmac(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    http.stop(0);
    executor.shutdownNow();
  }
}
