package dev.chainloop.ee.artifact;

import dev.chainloop.ee.platform.config.ChainloopConfig;
import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.error.PayloadTooLargeException;
import dev.chainloop.ee.platform.error.UnknownResourceException;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.Permission;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Content-addressed artifacts: bodies are streamed to a temporary file while hashed and counted,
 * then moved into the configured backend ({@code chainloop.cas.backend}: filesystem or database).
 */
@Stateless
public class ArtifactService {
  /** After an over-limit body, read up to this much more so the client sees the 413 answer. */
  private static final long DRAIN_BYTES = 16L * 1024 * 1024;

  @Inject ArtifactRepository repository;

  @Resource(lookup = "jdbc/chainloop")
  DataSource dataSource;

  @Inject Caller caller;
  @Inject ChainloopConfig config;
  @Inject CasInserts inserts;
  @Inject Event<ArtifactStored> stored;

  @Inject
  @ConfigProperty(name = "chainloop.limits.artifact-bytes", defaultValue = "104857600")
  long maxBytes;

  @Inject
  @ConfigProperty(name = "chainloop.cas.backend", defaultValue = "filesystem")
  String backend;

  private final Clock clock = Clock.systemUTC();

  public record Stored(String digest, long size, boolean created) {}

  public record Content(InputStream stream, long size) {}

  public Stored upload(String digest, Long contentLength, InputStream body) {
    caller.require(Permission.ARTIFACT_CREATE);
    String hex = Digests.hex(digest);
    if (contentLength != null && contentLength > maxBytes) {
      throw new PayloadTooLargeException(
          "the artifact is over the limit of " + maxBytes + " bytes");
    }
    Path tmp = null;
    try {
      Path spool = spoolDir();
      tmp = Files.createTempFile(spool, "upload", ".tmp");
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      long size = 0;
      byte[] buf = new byte[64 * 1024];
      try (OutputStream out = Files.newOutputStream(tmp)) {
        for (int n; (n = body.read(buf)) != -1; ) {
          size += n;
          if (size > maxBytes) {
            drain(body, buf);
            throw new PayloadTooLargeException(
                "the artifact is over the limit of " + maxBytes + " bytes");
          }
          sha.update(buf, 0, n);
          out.write(buf, 0, n);
        }
      }
      String actual = HexFormat.of().formatHex(sha.digest());
      if (!actual.equals(hex)) {
        throw new InvalidInputException("digest", "the content's digest is sha256:" + actual);
      }
      ArtifactStore store = store();
      boolean created = store.size(hex).isEmpty();
      if (created) {
        try {
          inserts.put(store, hex, tmp, size);
        } catch (EJBException e) {
          if (store.size(hex).isEmpty()) {
            throw e;
          }
          created = false;
        }
      }
      if (!hasRef(hex)) {
        try {
          inserts.insertRef(new ArtifactRef(caller.organizationId(), hex, size, clock.instant()));
        } catch (EJBException e) {
          if (!hasRef(hex)) {
            throw e;
          }
        }
      }
      stored.fire(new ArtifactStored(caller.organizationId(), "sha256:" + hex, size));
      return new Stored("sha256:" + hex, size, created);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the artifact", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a stray temporary file is harmless
        }
      }
    }
  }

  private boolean hasRef(String hex) {
    return repository.exists(caller.organizationId(), hex);
  }

  private static void drain(InputStream body, byte[] buf) throws IOException {
    long left = DRAIN_BYTES;
    for (int n; left > 0 && (n = body.read(buf)) != -1; ) {
      left -= n;
    }
  }

  /** The size of an artifact the caller's organization uploaded. */
  public long size(String digest) {
    caller.require(Permission.ARTIFACT_READ);
    return sizeIn(caller.organizationId(), digest);
  }

  private long sizeIn(String organizationId, String digest) {
    String hex = Digests.hex(digest);
    ArtifactRef ref =
        repository
            .find(organizationId, hex)
            .orElseThrow(
                () -> new UnknownResourceException("artifact sha256:" + hex + " not found"));
    try {
      OptionalLong stored = store().size(hex);
      if (stored.isEmpty()) {
        throw new UnknownResourceException("artifact sha256:" + hex + " not found");
      }
      return ref.getSize();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Content download(String digest) {
    caller.require(Permission.ARTIFACT_READ);
    return open(caller.organizationId(), digest);
  }

  /**
   * An artifact {@code organizationId} uploaded, read by the server on the organization's behalf
   * where no caller is (an integration delivering an attestation's materials).
   */
  public Content downloadFor(String organizationId, String digest) {
    return open(organizationId, digest);
  }

  private Content open(String organizationId, String digest) {
    long size = sizeIn(organizationId, digest);
    try {
      return new Content(store().open(Digests.hex(digest)), size);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the artifact", e);
    }
  }

  private Path spoolDir() throws IOException {
    Path dir = config.dataDir().resolve("cas").resolve("tmp");
    Files.createDirectories(dir);
    return dir;
  }

  private ArtifactStore store() throws IOException {
    return switch (backend.trim().toLowerCase(Locale.ROOT)) {
      case "database" -> new DatabaseArtifactStore(dataSource, spoolDir());
      case "filesystem" -> new FilesystemArtifactStore(config.dataDir().resolve("cas"));
      default ->
          throw new IllegalStateException("chainloop.cas.backend must be filesystem or database");
    };
  }
}
