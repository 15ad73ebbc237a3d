package dev.chainloop.ee.artifact;

import dev.chainloop.ee.platform.config.ChainloopConfig;
import dev.chainloop.ee.platform.security.SecretBox;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@link ArtifactStore} behind each backend: the deployment's built-in store, the inline one
 * (the database), and one client per added backend, kept until the row changes (its {@code
 * updatedAt}) so that uploads reuse connections.
 */
@ApplicationScoped
public class CasStores {
  @Inject ChainloopConfig config;
  @Inject SecretBox secrets;

  @Resource(lookup = "jdbc/chainloop")
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "chainloop.cas.backend", defaultValue = "filesystem")
  String builtinKind;

  private record Cached(Instant version, ArtifactStore store) {}

  private final Map<String, Cached> stores = new ConcurrentHashMap<>();

  /** {@code filesystem} or {@code database}: where the built-in backend keeps the bytes. */
  String builtinLocation() {
    String kind = builtinKind.trim().toLowerCase(Locale.ROOT);
    if (!kind.equals("filesystem") && !kind.equals("database")) {
      throw new IllegalStateException("chainloop.cas.backend must be filesystem or database");
    }
    return kind;
  }

  ArtifactStore builtin() {
    return builtinLocation().equals("database") ? inline() : filesystem();
  }

  ArtifactStore inline() {
    return new DatabaseArtifactStore(dataSource, spoolDir());
  }

  private ArtifactStore filesystem() {
    return new FilesystemArtifactStore(config.dataDir().resolve("cas"));
  }

  /** The store of an added backend, built once per version of the row. */
  ArtifactStore of(CasBackend backend) {
    Cached c =
        stores.compute(
            backend.getId(),
            (id, old) -> {
              if (old != null && old.version().equals(backend.getUpdatedAt())) {
                return old;
              }
              if (old != null) {
                close(old.store());
              }
              return new Cached(
                  backend.getUpdatedAt(),
                  open(
                      backend.getKind(),
                      backend.getLocation(),
                      backend.getRegion(),
                      secrets.open(backend.secretContext(), backend.getCredentialId()),
                      secrets.open(backend.secretContext(), backend.getCredentialSecret())));
            });
    return c.store();
  }

  void forget(String backendId) {
    Cached old = stores.remove(backendId);
    if (old != null) {
      close(old.store());
    }
  }

  /** A store for these settings, not cached: the caller closes it with {@link #close}. */
  ArtifactStore open(
      CasBackendKind kind, String location, String region, String id, String secret) {
    return switch (kind) {
      case OCI -> new OciArtifactStore(location, id, secret);
      case AWS_S3 -> {
        S3Location s3 = S3Location.parse(location);
        yield new S3ArtifactStore(s3.endpoint(), region, s3.bucket(), id, secret);
      }
      case BUILTIN, INLINE -> throw new IllegalArgumentException(kind + " is not added");
    };
  }

  void close(ArtifactStore store) {
    if (store instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception ignored) {
        // a client that does not close cleanly holds nothing we need
      }
    }
  }

  Path spoolDir() {
    Path dir = config.dataDir().resolve("cas").resolve("tmp");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    return dir;
  }

  @PreDestroy
  void closeAll() {
    stores.values().forEach(c -> close(c.store()));
    stores.clear();
  }

  /**
   * Upstream's S3 location: {@code bucket}, or {@code endpoint/bucket} for S3-compatible stores.
   */
  record S3Location(String endpoint, String bucket) {
    static S3Location parse(String location) {
      String v = location == null ? "" : location.trim();
      int slash = v.lastIndexOf('/');
      S3Location parsed =
          v.contains("://")
              ? new S3Location(v.substring(0, slash), v.substring(slash + 1))
              : new S3Location(null, v);
      if (!parsed.bucket().matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
        throw new IllegalArgumentException("\"" + parsed.bucket() + "\" is not an S3 bucket name");
      }
      if (parsed.endpoint() != null && !parsed.endpoint().matches("https?://[^/]+")) {
        throw new IllegalArgumentException("the endpoint must be http(s)://host[:port]");
      }
      return parsed;
    }
  }
}
