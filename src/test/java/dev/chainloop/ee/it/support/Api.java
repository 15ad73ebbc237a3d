package dev.chainloop.ee.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small HTTP driver for REST-level tests against the started server. */
public final class Api {
  public static final String BASE_URL =
      System.getProperty("chainloop.test.url", "http://localhost:19080");
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  private final Map<String, String> headers = new LinkedHashMap<>();
  private String baseUrl = BASE_URL;

  private Api() {}

  public static Api anonymous() {
    return new Api();
  }

  public static Api withToken(String token) {
    return new Api().header("Authorization", "Bearer " + token);
  }

  /** The same calls against another server (a second node, a crash-test instance). */
  public Api on(String otherBaseUrl) {
    this.baseUrl = otherBaseUrl;
    return this;
  }

  public Api header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public Reply get(String path) {
    return send("GET", path, null, null);
  }

  public Reply delete(String path) {
    return send("DELETE", path, null, null);
  }

  public Reply post(String path, String json) {
    return send("POST", path, json, "application/json");
  }

  public Reply patch(String path, String json) {
    return send("PATCH", path, json, "application/json");
  }

  public Reply put(String path, String json) {
    return send("PUT", path, json, "application/json");
  }

  public Reply send(String method, String path, String body, String contentType) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response: status, headers and body, with JSON helpers. */
  public record Reply(int status, Map<String, List<String>> headers, String body) {
    public JsonObject json() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.readObject();
      }
    }

    public JsonStructure structure() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.read();
      }
    }

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst()
          .orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
