package dev.chainloop.ee.cli.oci;

import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.shared.Sha256;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads manifests from OCI registries (the distribution spec's {@code GET
 * /v2/<name>/manifests/<ref>} and {@code /referrers/<digest>}), as {@code docker pull} finds them:
 * through the mirrors of {@link RegistryMirrors}, anonymously or with a {@link DockerCredentials}
 * login, answering the registry's {@code WWW-Authenticate} challenge (Bearer token service or
 * Basic). HTTPS, except for loopback registries and mirrors marked {@code insecure}.
 */
public final class RegistryClient {
  /** A manifest as the registry served it. */
  public record Manifest(String digest, String mediaType, String artifactType, byte[] body) {}

  static final String ACCEPT =
      String.join(
          ", ",
          "application/vnd.oci.image.index.v1+json",
          "application/vnd.oci.image.manifest.v1+json",
          "application/vnd.docker.distribution.manifest.list.v2+json",
          "application/vnd.docker.distribution.manifest.v2+json");

  /** The distribution registry's own limit on a manifest. */
  private static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

  private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private final HttpClient http;
  private final RegistryMirrors mirrors;
  private final DockerCredentials credentials;
  private final Map<String, String> tokens = new HashMap<>();

  public RegistryClient(RegistryMirrors mirrors, DockerCredentials credentials) {
    this.mirrors = mirrors;
    this.credentials = credentials;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  public static RegistryClient fromEnvironment(Map<String, String> env) {
    return new RegistryClient(RegistryMirrors.load(env), DockerCredentials.load(env));
  }

  /**
   * The manifest {@code ref} names, from the first mirror that has it, else from its own registry;
   * empty when the registry answers that it does not exist.
   */
  public Optional<Manifest> manifest(ImageReference ref) {
    boolean answered = false;
    CliException failure = null;
    for (RegistryMirrors.Endpoint e : mirrors.endpoints(ref)) {
      try {
        Optional<Manifest> found = fetch(e, ref);
        if (found.isPresent()) {
          return found;
        }
        answered = true;
      } catch (CliException f) {
        failure = failure == null ? f : failure;
      }
    }
    // a mirror that answered "not found" is an answer, even when the origin cannot be reached
    if (answered || failure == null) {
      return Optional.empty();
    }
    throw failure;
  }

  /** The referrers index of a manifest (OCI 1.1); empty where the registry has no such API. */
  public List<JsonObject> referrers(ImageReference ref, String digest) {
    List<RegistryMirrors.Endpoint> endpoints = mirrors.endpoints(ref);
    RegistryMirrors.Endpoint e = endpoints.get(endpoints.size() - 1);
    try {
      HttpResponse<InputStream> r =
          get(
              e,
              "/v2/" + e.reference().path() + "/referrers/" + digest,
              "application/vnd.oci.image.index.v1+json");
      if (r.statusCode() != 200) {
        r.body().close();
        return List.of();
      }
      JsonObject index = json(read(r.body()));
      JsonValue manifests = index.get("manifests");
      return manifests instanceof JsonArray a
          ? a.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList()
          : List.of();
    } catch (IOException | RuntimeException ignored) {
      // the referrers API is optional in registries: no answer means no referrers
      return List.of();
    }
  }

  private Optional<Manifest> fetch(RegistryMirrors.Endpoint e, ImageReference original)
      throws CliException {
    ImageReference ref = e.reference();
    try {
      HttpResponse<InputStream> r =
          get(e, "/v2/" + ref.path() + "/manifests/" + ref.reference(), ACCEPT);
      int status = r.statusCode();
      if (status == 404) {
        r.body().close();
        return Optional.empty();
      }
      if (status == 401 || status == 403) {
        r.body().close();
        throw new CliException(
            "registry "
                + ref.registry()
                + " refused access to "
                + original
                + " (HTTP "
                + status
                + "): log in with docker login");
      }
      if (status != 200) {
        r.body().close();
        throw new CliException(
            "registry " + ref.registry() + " answered HTTP " + status + " for " + original);
      }
      byte[] body = read(r.body());
      String computed = "sha256:" + Sha256.hex(body);
      String digest = r.headers().firstValue("Docker-Content-Digest").orElse(computed);
      if (!digest.equals(computed) || (ref.digest() != null && !ref.digest().equals(computed))) {
        throw new CliException(
            "registry "
                + ref.registry()
                + " served a manifest for "
                + original
                + " whose content does not match its digest");
      }
      JsonObject m = json(body);
      String mediaType =
          m.getString("mediaType", r.headers().firstValue("Content-Type").orElse(""));
      String artifactType = m.getString("artifactType", "");
      if (artifactType.isEmpty() && m.get("config") instanceof JsonObject config) {
        artifactType = config.getString("mediaType", "");
      }
      return Optional.of(new Manifest(digest, mediaType, artifactType, body));
    } catch (IOException ex) {
      throw new CliException(
          "cannot reach registry " + ref.registry() + " for " + original + ": " + reason(ex));
    }
  }

  private HttpResponse<InputStream> get(RegistryMirrors.Endpoint e, String path, String accept)
      throws IOException {
    ImageReference ref = e.reference();
    URI uri = URI.create(scheme(e) + "://" + ref.registry() + path);
    String scope = "repository:" + ref.path() + ":pull";
    String key = ref.registry() + " " + scope;
    HttpResponse<InputStream> r = send(uri, accept, tokens.get(key));
    if (r.statusCode() != 401) {
      return r;
    }
    Optional<String> challenge = r.headers().firstValue("WWW-Authenticate");
    r.body().close();
    if (challenge.isEmpty()) {
      return send(uri, accept, basic(ref).orElse(null));
    }
    String auth = authorize(challenge.get(), ref, scope);
    if (auth == null) {
      return send(uri, accept, null);
    }
    tokens.put(key, auth);
    return send(uri, accept, auth);
  }

  /** Answers a challenge with an Authorization header value, or null when there is no way in. */
  private String authorize(String challenge, ImageReference ref, String scope) throws IOException {
    String lower = challenge.toLowerCase(Locale.ROOT);
    if (lower.startsWith("basic")) {
      return basic(ref).orElse(null);
    }
    if (!lower.startsWith("bearer")) {
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    Matcher m = CHALLENGE_PARAM.matcher(challenge);
    while (m.find()) {
      params.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2));
    }
    String realm = params.get("realm");
    if (realm == null || realm.isBlank()) {
      return null;
    }
    StringBuilder url = new StringBuilder(realm).append(realm.contains("?") ? '&' : '?');
    if (params.containsKey("service")) {
      url.append("service=").append(enc(params.get("service"))).append('&');
    }
    url.append("scope=").append(enc(params.getOrDefault("scope", scope)));
    HttpResponse<InputStream> r;
    try {
      r =
          http.send(
              HttpRequest.newBuilder(URI.create(url.toString()))
                  .timeout(Duration.ofSeconds(30))
                  .headers(
                      basic(ref)
                          .map(b -> new String[] {"Authorization", b})
                          .orElse(new String[] {"Accept", "application/json"}))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", ex);
    }
    if (r.statusCode() != 200) {
      r.body().close();
      throw new CliException(
          "registry "
              + ref.registry()
              + " token service refused access (HTTP "
              + r.statusCode()
              + "): log in with docker login");
    }
    JsonObject token = json(read(r.body()));
    String value =
        token.get("token") instanceof JsonString s
            ? s.getString()
            : token.getString("access_token", "");
    return value.isEmpty() ? null : "Bearer " + value;
  }

  private Optional<String> basic(ImageReference ref) {
    return credentials.forRegistry(ref.registry()).map(DockerCredentials.Basic::header);
  }

  private HttpResponse<InputStream> send(URI uri, String accept, String authorization)
      throws IOException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", accept).GET();
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", ex);
    }
  }

  private static String scheme(RegistryMirrors.Endpoint e) {
    return e.insecure() || e.reference().isLoopback() ? "http" : "https";
  }

  private static byte[] read(InputStream in) throws IOException {
    try (in) {
      byte[] body = in.readNBytes(MAX_MANIFEST_BYTES + 1);
      if (body.length > MAX_MANIFEST_BYTES) {
        throw new IOException("the manifest is larger than " + MAX_MANIFEST_BYTES + " bytes");
      }
      return body;
    }
  }

  private static JsonObject json(byte[] body) throws IOException {
    try (JsonReader r = Json.createReader(new ByteArrayInputStream(body))) {
      return r.readObject();
    } catch (RuntimeException e) {
      throw new IOException("the registry answered with something that is not a JSON manifest");
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String reason(Exception e) {
    String m = e.getMessage();
    return m == null || m.isBlank()
        ? e.getClass().getSimpleName()
        : m.lines().findFirst().orElse(m);
  }
}
