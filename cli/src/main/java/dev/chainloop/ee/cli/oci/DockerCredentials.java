package dev.chainloop.ee.cli.oci;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Registry credentials from the Docker client's {@code config.json} ({@code $DOCKER_CONFIG}, else
 * {@code ~/.docker}): what {@code docker login} (and the docker/login-action of GitHub Actions)
 * writes, so a runner that logged in resolves private images. The {@code auths} entries ({@code
 * auth} as base64 {@code user:password}, or {@code username} and {@code password}) are read;
 * credential helpers ({@code credsStore}, {@code credHelpers}) are not run.
 */
public final class DockerCredentials {
  /** A user name and password (or token) for HTTP basic auth and the token service. */
  public record Basic(String user, String password) {
    public String header() {
      return "Basic "
          + Base64.getEncoder()
              .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
  }

  private final JsonObject auths;

  private DockerCredentials(JsonObject auths) {
    this.auths = auths;
  }

  public static DockerCredentials load(Map<String, String> env) {
    Path dir =
        Optional.ofNullable(env.get("DOCKER_CONFIG"))
            .filter(s -> !s.isBlank())
            .map(Path::of)
            .orElseGet(() -> Path.of(env.getOrDefault("HOME", "."), ".docker"));
    Path file = dir.resolve("config.json");
    if (!Files.isRegularFile(file)) {
      return new DockerCredentials(JsonValue.EMPTY_JSON_OBJECT);
    }
    try (Reader r = Files.newBufferedReader(file);
        JsonReader json = Json.createReader(r)) {
      JsonValue auths = json.readObject().get("auths");
      return new DockerCredentials(auths instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT);
    } catch (IOException | RuntimeException e) {
      // an unreadable config.json means no stored login, as for the docker client
      return new DockerCredentials(JsonValue.EMPTY_JSON_OBJECT);
    }
  }

  /** The stored login for {@code registry} (host[:port]), if any. */
  public Optional<Basic> forRegistry(String registry) {
    for (Map.Entry<String, JsonValue> e : auths.entrySet()) {
      if (host(e.getKey()).equals(registry)
          || (registry.equals(ImageReference.DOCKER_HUB) && isDockerHub(host(e.getKey())))) {
        if (e.getValue() instanceof JsonObject o) {
          return basic(o);
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Basic> basic(JsonObject o) {
    String auth = o.getString("auth", "");
    if (!auth.isEmpty()) {
      try {
        String decoded = new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon > 0) {
          return Optional.of(new Basic(decoded.substring(0, colon), decoded.substring(colon + 1)));
        }
      } catch (IllegalArgumentException ignored) {
        // not base64: fall through to username/password
      }
    }
    String user = o.getString("username", "");
    String password = o.getString("password", "");
    return user.isEmpty() ? Optional.empty() : Optional.of(new Basic(user, password));
  }

  /** {@code https://index.docker.io/v1/} and {@code ghcr.io} alike become the bare host. */
  private static String host(String key) {
    String k = key.replaceFirst("^[a-z]+://", "");
    int slash = k.indexOf('/');
    return slash < 0 ? k : k.substring(0, slash);
  }

  private static boolean isDockerHub(String host) {
    return host.equals("docker.io") || host.equals("registry-1.docker.io");
  }
}
