package dev.chainloop.ee.cli.client;

import dev.chainloop.ee.cli.Version;
import dev.chainloop.ee.cli.client.model.Problem;
import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.cli.output.Log;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilderException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;

/**
 * The one HTTP client of the CLI: bearer auth, one request path, problem+json errors mapped to
 * messages. Commands reach it through {@link ControlPlane}, which knows the API's paths and fields.
 */
public final class ApiClient {

  /** What kind of credential is attached; decides how a 401 is explained. */
  public enum Credential {
    NONE,
    USER_TOKEN,
    API_TOKEN
  }

  static final String AUTH_REQUIRED =
      "authentication required, please run \"chainloop auth login\"";
  static final String USER_TOKEN_INVALID =
      "your authentication token has expired or is invalid, please run \"chainloop auth login\" again";

  /**
   * Plain-HTTP clients never negotiate TLS, yet HttpClient builds the default SSLContext (loading
   * the JDK trust store) unless given one: handing it this empty context saves about a third of a
   * second of start-up.
   */
  private static final SSLContext UNUSED_TLS = emptyTlsContext();

  /**
   * Where and how to connect: the base URL, the TLS trust ({@code null} for the JDK's) and the
   * largest answer {@link #send} reads.
   */
  public record Connection(URI base, SSLContext tls, long maxResponseBytes) {
    public static Connection plain(URI base) {
      return new Connection(base, null, Long.MAX_VALUE);
    }
  }

  private final HttpClient http;
  private final URI base;
  private final long maxResponseBytes;
  private final Optional<String> token;
  private final Credential credential;
  private final Optional<String> organization;
  private final boolean explainAuthErrors;
  private final Log log;

  private ApiClient(
      Connection connection,
      Optional<String> token,
      Credential credential,
      Optional<String> organization,
      boolean explain,
      Log log) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10));
    URI base = connection.base();
    if ("http".equals(base.getScheme())) {
      builder.sslContext(UNUSED_TLS);
    } else if (connection.tls() != null) {
      builder.sslContext(connection.tls());
    }
    this.http = builder.build();
    this.base = base;
    this.maxResponseBytes = connection.maxResponseBytes();
    this.token = token;
    this.credential = credential;
    this.organization = organization;
    this.explainAuthErrors = explain;
    this.log = log;
  }

  private static SSLContext emptyTlsContext() {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(new KeyManager[0], new TrustManager[0], null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ApiClient authenticated(
      Connection connection,
      Optional<String> token,
      Credential credential,
      Optional<String> organization,
      Log log) {
    return new ApiClient(
        connection,
        token,
        token.isPresent() ? credential : Credential.NONE,
        organization,
        true,
        log);
  }

  /**
   * For endpoints without auth (status, login, signup): a 401 there is about credentials typed, not
   * tokens.
   */
  public static ApiClient anonymous(Connection connection, Log log) {
    return anonymous(connection, Optional.empty(), log);
  }

  /** Without credentials, acting on {@code organization} (the token exchange's choice). */
  public static ApiClient anonymous(Connection connection, Optional<String> organization, Log log) {
    return new ApiClient(connection, Optional.empty(), Credential.NONE, organization, false, log);
  }

  /**
   * One call: {@code target} is the path and query below the base URL. With a {@code binaryAnswer}
   * media type the client accepts those bytes too; a {@code transfer} (artifacts, bundles) may take
   * minutes.
   */
  record Request(
      String method,
      String target,
      HttpRequest.BodyPublisher body,
      String contentType,
      String binaryAnswer,
      boolean transfer) {}

  /** Sends {@code request}; a JSON answer, or {@link JsonValue#NULL} for an empty body. */
  JsonValue send(Request request) {
    String text = new String(receive(request), StandardCharsets.UTF_8);
    if (text.isBlank()) {
      return JsonValue.NULL;
    }
    try {
      return parse(text);
    } catch (RuntimeException e) {
      throw new CliException(
          "the control plane returned an invalid JSON response to "
              + request.method()
              + " "
              + request.target(),
          e);
    }
  }

  /** The answer's bytes, at most the connection's response limit. */
  byte[] receive(Request request) {
    HttpResponse<InputStream> res = exchange(request);
    try (InputStream in = res.body()) {
      byte[] body = in.readNBytes((int) Math.min(maxResponseBytes + 1, Integer.MAX_VALUE - 8));
      if (body.length > maxResponseBytes) {
        throw new CliException(
            "the control plane's answer to "
                + request.method()
                + " "
                + request.target()
                + " is larger than "
                + maxResponseBytes
                + " bytes (raise it with --max-recv-msg-size)");
      }
      return body;
    } catch (IOException e) {
      throw unreachable(e);
    }
  }

  /** Streams a binary answer into {@code sink}; answers the bytes copied. */
  long download(Request request, OutputStream sink) {
    try (InputStream in = exchange(request).body()) {
      return in.transferTo(sink);
    } catch (IOException e) {
      throw new CliException("download failed: " + describe(e), e);
    }
  }

  /** The one request path: headers, credentials, and non-2xx answers as {@link ApiException}s. */
  private HttpResponse<InputStream> exchange(Request request) {
    URI uri = URI.create(base + request.target());
    HttpRequest.Builder req =
        HttpRequest.newBuilder(uri)
            .timeout(request.transfer() ? Duration.ofMinutes(10) : Duration.ofSeconds(60))
            .header(
                "Accept",
                request.binaryAnswer() != null
                    ? "application/json, application/problem+json, " + request.binaryAnswer()
                    : "application/json, application/problem+json")
            .header("Chainloop-Cli-Version", Version.CLIENT)
            .header("User-Agent", "chainloop-cli/" + Version.CLIENT)
            .method(request.method(), request.body());
    if (request.contentType() != null) {
      req.header("Content-Type", request.contentType());
    }
    token.ifPresent(t -> req.header("Authorization", "Bearer " + t));
    organization.ifPresent(o -> req.header("Chainloop-Organization", o));
    HttpResponse<InputStream> res;
    try {
      res = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while calling the control plane", e);
    }
    log.debug(request.method() + " " + uri + " -> " + res.statusCode());
    if (res.statusCode() / 100 != 2) {
      String body;
      try (InputStream in = res.body()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw unreachable(e);
      }
      throw error(res.statusCode(), res.headers(), body);
    }
    return res;
  }

  private CliException unreachable(IOException e) {
    return new CliException("cannot reach the control plane at " + base + ": " + describe(e), e);
  }

  private static JsonValue parse(String text) {
    try (JsonReader r = Json.createReader(new StringReader(text))) {
      return r.readValue();
    }
  }

  private ApiException error(int status, HttpHeaders headers, String body) {
    Optional<String> detail = problemDetail(body);
    if (status == 401 && explainAuthErrors) {
      switch (credential) {
        case NONE -> {
          return new ApiException(status, AUTH_REQUIRED);
        }
        case USER_TOKEN -> {
          boolean revoked =
              detail.map(d -> d.toLowerCase(Locale.ROOT).contains("revoked")).orElse(false);
          return new ApiException(status, revoked ? detail.get() : USER_TOKEN_INVALID);
        }
        default -> {
          // an API token's own problem (revoked, expired) is best told by the server
        }
      }
    }
    if (status == 429) {
      String retry =
          headers.firstValue("Retry-After").map(s -> " (retry after " + s + "s)").orElse("");
      return new ApiException(status, detail.orElse("too many requests") + retry);
    }
    return new ApiException(
        status, detail.orElse("unexpected response from the control plane: HTTP " + status));
  }

  /** problem+json {@code detail}, falling back to {@code title}; single line. */
  static Optional<String> problemDetail(String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    try {
      if (!(parse(body) instanceof JsonObject o)) {
        return Optional.empty();
      }
      Problem problem = new Problem(o);
      return Optional.of(problem.detail())
          .filter(s -> !s.isBlank())
          .or(() -> Optional.of(problem.title()).filter(s -> !s.isBlank()))
          .map(s -> s.replaceAll("\\s*\\R\\s*", " ").trim());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String describe(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
        return "unknown host";
      }
      if (t instanceof HttpConnectTimeoutException) {
        return "connection timed out";
      }
      if (t instanceof HttpTimeoutException) {
        return "request timed out";
      }
      if (t instanceof SSLException) {
        for (Throwable c = t; c != null; c = c.getCause()) {
          if (c instanceof CertPathBuilderException) {
            return "TLS handshake failed: the server's certificate is not signed by a trusted CA"
                + " (trust its CA with --control-plane-ca)";
          }
        }
        return "TLS handshake failed (" + t.getMessage() + ")";
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return "connection refused";
      }
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
