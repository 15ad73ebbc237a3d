package dev.chainloop.ee.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Canned-answer HTTP server for CLI rendering and error-mapping tests only; the real contract is
 * tested against the real server.
 */
public final class FakeControlPlane implements AutoCloseable {
  public record Answer(int status, String contentType, String body) {}

  public record Request(String method, String uri, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  public FakeControlPlane() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers {@code "GET /api/v1/status"} (path without query) with JSON. */
  public FakeControlPlane json(String methodAndPath, int status, String body) {
    answers.put(methodAndPath, new Answer(status, "application/json", body));
    return this;
  }

  public FakeControlPlane problem(String methodAndPath, int status, String detail) {
    String body =
        "{\"type\":\"about:blank\",\"title\":\"Error\",\"status\":"
            + status
            + ",\"detail\":\""
            + detail
            + "\"}";
    answers.put(methodAndPath, new Answer(status, "application/problem+json", body));
    return this;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public Request lastRequest() {
    return requests.get(requests.size() - 1);
  }

  private void handle(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(
        new Request(
            ex.getRequestMethod(),
            ex.getRequestURI().toString(),
            Map.copyOf(ex.getRequestHeaders()),
            body));
    Answer a = answers.get(ex.getRequestMethod() + " " + ex.getRequestURI().getPath());
    if (a == null) {
      a = new Answer(404, "application/problem+json", "{\"title\":\"Not Found\",\"status\":404}");
    }
    byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", a.contentType());
    ex.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      ex.getResponseBody().write(bytes);
    }
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
