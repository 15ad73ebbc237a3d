package dev.chainloop.ee.artifact;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The blobs of one OCI repository, through the distribution API (the JDK HTTP client: uploads
 * stream from the verified file, downloads from the response, so memory stays flat). Each blob is
 * also referenced by a manifest tagged {@code sha256-<hex>}, so a registry's garbage collection
 * keeps it. Basic credentials, or the bearer token a registry's auth service hands out for them.
 *
 * <p>{@code repository} is {@code host[:port]/path} (HTTPS), or {@code http://host:port/path} for a
 * registry on this machine's loopback only: credentials never travel in clear to another host.
 */
final class OciArtifactStore implements ArtifactStore {
  private static final String CONFIG_TYPE = "application/vnd.dev.chainloop.cas.config.v1+json";
  private static final String LAYER_TYPE = "application/octet-stream";
  private static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";
  private static final byte[] CONFIG = "{}".getBytes(StandardCharsets.UTF_8);
  private static final String CONFIG_DIGEST =
      "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";
  private static final Pattern CHALLENGE = Pattern.compile("(\\w+)=\"([^\"]*)\"");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final URI base;
  private final String repository;
  private final String basic;
  private volatile String bearer;

  OciArtifactStore(String location, String username, String password) {
    Repo repo = parse(location);
    this.base = repo.base();
    this.repository = repo.path();
    this.basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  record Repo(URI base, String path) {}

  /** {@code host[:port]/path} or {@code http://loopback:port/path}; refused otherwise. */
  static Repo parse(String location) {
    String v = location == null ? "" : location.trim();
    String scheme = "https";
    if (v.startsWith("http://")) {
      scheme = "http";
      v = v.substring("http://".length());
    } else if (v.startsWith("https://")) {
      v = v.substring("https://".length());
    }
    int slash = v.indexOf('/');
    if (slash <= 0 || slash == v.length() - 1) {
      throw new IllegalArgumentException("must be a repository: host[:port]/path");
    }
    String host = v.substring(0, slash);
    String path = v.substring(slash + 1).toLowerCase(Locale.ROOT);
    if (!path.matches("[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*")) {
      throw new IllegalArgumentException("\"" + path + "\" is not an OCI repository name");
    }
    URI base = URI.create(scheme + "://" + host);
    if (base.getHost() == null) {
      throw new IllegalArgumentException("\"" + host + "\" is not a registry host");
    }
    if (scheme.equals("http") && !loopback(base.getHost())) {
      throw new IllegalArgumentException("plain http is accepted for a registry on localhost only");
    }
    return new Repo(base, path);
  }

  private static boolean loopback(String host) {
    try {
      return host.equals("localhost") || InetAddress.getByName(host).isLoopbackAddress();
    } catch (IOException e) {
      return false;
    }
  }

  private URI blob(String digest) {
    return base.resolve("/v2/" + repository + "/blobs/" + digest);
  }

  @Override
  public OptionalLong size(String hex) throws IOException {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(blob("sha256:" + hex))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() == 404) {
      return OptionalLong.empty();
    }
    expect(r, 200, "HEAD blob");
    return r.headers().firstValueAsLong("Content-Length");
  }

  @Override
  public void put(String hex, Path verifiedFile, long size) throws IOException {
    try {
      if (size(hex).isEmpty()) {
        upload("sha256:" + hex, HttpRequest.BodyPublishers.ofFile(verifiedFile));
      }
      if (size(CONFIG_DIGEST.substring("sha256:".length())).isEmpty()) {
        upload(CONFIG_DIGEST, HttpRequest.BodyPublishers.ofByteArray(CONFIG));
      }
      String manifest =
          """
          {"schemaVersion":2,"mediaType":"%s","config":{"mediaType":"%s","digest":"%s","size":%d},\
          "layers":[{"mediaType":"%s","digest":"sha256:%s","size":%d}]}"""
              .formatted(
                  MANIFEST_TYPE, CONFIG_TYPE, CONFIG_DIGEST, CONFIG.length, LAYER_TYPE, hex, size);
      expect(
          send(
              HttpRequest.newBuilder(base.resolve("/v2/" + repository + "/manifests/sha256-" + hex))
                  .header("Content-Type", MANIFEST_TYPE)
                  .PUT(HttpRequest.BodyPublishers.ofString(manifest)),
              HttpResponse.BodyHandlers.ofString()),
          201,
          "PUT manifest");
    } finally {
      Files.deleteIfExists(verifiedFile);
    }
  }

  /** A monolithic upload: start a session, then PUT the whole body with its digest. */
  private void upload(String digest, HttpRequest.BodyPublisher body) throws IOException {
    URI session = startUpload();
    String sep = session.getQuery() == null ? "?" : "&";
    expect(
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        session
                            + sep
                            + "digest="
                            + URLEncoder.encode(digest, StandardCharsets.UTF_8)))
                .header("Content-Type", "application/octet-stream")
                .PUT(body),
            HttpResponse.BodyHandlers.ofString()),
        201,
        "PUT blob");
  }

  private URI startUpload() throws IOException {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(base.resolve("/v2/" + repository + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()),
            HttpResponse.BodyHandlers.ofString());
    expect(r, 202, "start upload");
    return base.resolve(
        r.headers()
            .firstValue("Location")
            .orElseThrow(() -> new IOException("the registry gave no upload location")));
  }

  @Override
  public InputStream open(String hex) throws IOException {
    HttpResponse<InputStream> r =
        send(
            HttpRequest.newBuilder(blob("sha256:" + hex)).GET(),
            HttpResponse.BodyHandlers.ofInputStream());
    int hops = 0;
    while (r.statusCode() / 100 == 3 && hops++ < 3) {
      // a registry on object storage redirects to a pre-signed URL: no credentials go there
      URI next =
          blob("sha256:" + hex)
              .resolve(
                  r.headers()
                      .firstValue("Location")
                      .orElseThrow(() -> new IOException("redirect without Location")));
      r.body().close();
      r =
          call(
              HttpRequest.newBuilder(next).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofInputStream());
    }
    if (r.statusCode() != 200) {
      String detail;
      try (InputStream in = r.body()) {
        detail = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
      }
      throw new IOException(reason(r.statusCode(), detail, "GET blob"));
    }
    return r.body();
  }

  /** The registry answers, the credentials are accepted, and a push may start in the repository. */
  @Override
  public void validate() throws IOException {
    URI session = startUpload();
    HttpResponse<String> cancel =
        send(HttpRequest.newBuilder(session).DELETE(), HttpResponse.BodyHandlers.ofString());
    if (cancel.statusCode() / 100 != 2 && cancel.statusCode() != 404) {
      throw new IOException(reason(cancel.statusCode(), cancel.body(), "cancel upload"));
    }
  }

  /**
   * Sends with the current credentials; on a bearer challenge, fetches a token for this repository
   * with the basic credentials and sends once more.
   */
  private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body)
      throws IOException {
    String token = bearer;
    HttpResponse<T> r =
        call(
            request
                .copy()
                .timeout(TIMEOUT)
                .header("Authorization", token == null ? basic : "Bearer " + token)
                .build(),
            body);
    if (r.statusCode() != 401) {
      return r;
    }
    String challenge = r.headers().firstValue("WWW-Authenticate").orElse("");
    if (!challenge.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return r;
    }
    if (r.body() instanceof InputStream in) {
      in.close();
    }
    bearer = token(challenge.substring(7));
    return call(
        request.copy().timeout(TIMEOUT).header("Authorization", "Bearer " + bearer).build(), body);
  }

  private String token(String challenge) throws IOException {
    Map<String, String> params = new HashMap<>();
    Matcher m = CHALLENGE.matcher(challenge);
    while (m.find()) {
      params.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2));
    }
    String realm = params.get("realm");
    if (realm == null || !realm.startsWith("https://") && !loopback(URI.create(realm).getHost())) {
      throw new IOException("the registry's token service is not an https URL");
    }
    StringBuilder url = new StringBuilder(realm);
    url.append(realm.contains("?") ? '&' : '?')
        .append("scope=")
        .append(
            URLEncoder.encode("repository:" + repository + ":pull,push", StandardCharsets.UTF_8));
    if (params.containsKey("service")) {
      url.append("&service=")
          .append(URLEncoder.encode(params.get("service"), StandardCharsets.UTF_8));
    }
    HttpResponse<String> r =
        call(
            HttpRequest.newBuilder(URI.create(url.toString()))
                .timeout(TIMEOUT)
                .header("Authorization", basic)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    expect(r, 200, "token");
    try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
      JsonObject json = reader.readObject();
      String t = json.getString("token", json.getString("access_token", null));
      if (t == null) {
        throw new IOException("the registry's token service answered no token");
      }
      return t;
    } catch (RuntimeException e) {
      throw new IOException("the registry's token service answered no JSON token", e);
    }
  }

  private <T> HttpResponse<T> call(HttpRequest request, HttpResponse.BodyHandler<T> body)
      throws IOException {
    try {
      return http.send(request, body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (IOException e) {
      throw new IOException(
          "registry "
              + base.getAuthority()
              + " is not reachable: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage()),
          e);
    }
  }

  private static void expect(HttpResponse<String> r, int status, String what) throws IOException {
    if (r.statusCode() != status) {
      throw new IOException(reason(r.statusCode(), r.body(), what));
    }
  }

  /** The registry's own error code and message (distribution's error document), never ours. */
  private static String reason(int status, String body, String what) {
    String detail = "";
    if (body != null && !body.isBlank()) {
      try (JsonReader reader = Json.createReader(new StringReader(body))) {
        JsonObject first = reader.readObject().getJsonArray("errors").getJsonObject(0);
        detail = ": " + first.getString("code", "") + " " + first.getString("message", "");
      } catch (RuntimeException notAnErrorDocument) {
        detail = "";
      }
    }
    return what + " answered " + status + detail;
  }
}
