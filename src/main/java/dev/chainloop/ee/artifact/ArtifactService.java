package dev.chainloop.ee.artifact;

import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.error.PayloadTooLargeException;
import dev.chainloop.ee.platform.error.UnavailableException;
import dev.chainloop.ee.platform.error.UnknownResourceException;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.Permission;
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
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Content-addressed artifacts: bodies are streamed to a temporary file while hashed and counted,
 * then moved into the organization's default CAS backend ({@link CasBackendService}); reads come
 * from the backend that holds the bytes.
 */
@Stateless
public class ArtifactService {
  /** After an over-limit body, read up to this much more so the client sees the 413 answer. */
  private static final long DRAIN_BYTES = 16L * 1024 * 1024;

  @Inject ArtifactRepository repository;

  @Inject Caller caller;
  @Inject CasBackendService backends;
  @Inject CasStores stores;
  @Inject CasInserts inserts;
  @Inject Event<ArtifactStored> stored;

  @Inject
  @ConfigProperty(name = "chainloop.limits.artifact-bytes", defaultValue = "104857600")
  long maxBytes;

  private final Clock clock = Clock.systemUTC();

  public record Stored(String digest, long size, boolean created) {}

  public record Content(InputStream stream, long size) {}

  public Stored upload(String digest, Long contentLength, InputStream body) {
    caller.require(Permission.ARTIFACT_CREATE);
    String hex = Digests.hex(digest);
    String orgId = caller.organizationId();
    Optional<ArtifactRef> existing = repository.find(orgId, hex);
    CasBackendService.Target target =
        existing
            .map(r -> new CasBackendService.Target(r.getBackendId(), "", holding(r), null))
            .orElseGet(() -> backends.uploadTarget(orgId));
    long limit = target.maxBytes() == null ? maxBytes : Math.min(maxBytes, target.maxBytes());
    if (contentLength != null && contentLength > limit) {
      throw tooLarge(target, limit);
    }
    Path tmp = null;
    try {
      Path spool = stores.spoolDir();
      tmp = Files.createTempFile(spool, "upload", ".tmp");
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      long size = 0;
      byte[] buf = new byte[64 * 1024];
      try (OutputStream out = Files.newOutputStream(tmp)) {
        for (int n; (n = body.read(buf)) != -1; ) {
          size += n;
          if (size > limit) {
            drain(body, buf);
            throw tooLarge(target, limit);
          }
          sha.update(buf, 0, n);
          out.write(buf, 0, n);
        }
      }
      String actual = HexFormat.of().formatHex(sha.digest());
      if (!actual.equals(hex)) {
        throw new InvalidInputException("digest", "the content's digest is sha256:" + actual);
      }
      ArtifactStore store = target.store();
      boolean created = present(store, target, hex).isEmpty();
      if (created) {
        try {
          inserts.put(store, hex, tmp, size);
        } catch (EJBException e) {
          if (present(store, target, hex).isEmpty()) {
            throw unavailable(target, e);
          }
          created = false;
        }
      }
      if (!hasRef(hex)) {
        try {
          inserts.insertRef(new ArtifactRef(orgId, hex, size, target.backendId(), clock.instant()));
        } catch (EJBException e) {
          if (!hasRef(hex)) {
            throw e;
          }
        }
      }
      stored.fire(new ArtifactStored(orgId, "sha256:" + hex, size));
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

  private static PayloadTooLargeException tooLarge(CasBackendService.Target target, long limit) {
    return new PayloadTooLargeException(
        "the artifact is over the limit of "
            + limit
            + " bytes"
            + (target.name().isEmpty() ? "" : " of CAS backend \"" + target.name() + "\""));
  }

  private static OptionalLong present(
      ArtifactStore store, CasBackendService.Target target, String hex) {
    try {
      return store.size(hex);
    } catch (IOException e) {
      throw unavailable(target, e);
    }
  }

  private static UnavailableException unavailable(CasBackendService.Target target, Exception e) {
    Throwable cause = e;
    while (cause.getCause() != null && !(cause instanceof IOException)) {
      cause = cause.getCause();
    }
    return new UnavailableException(
        "CAS backend \""
            + (target.name().isEmpty() ? "holding the artifact" : target.name())
            + "\" cannot be used: "
            + cause.getMessage());
  }

  private ArtifactStore holding(ArtifactRef ref) {
    return backends.holding(ref.getBackendId());
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
    return refIn(caller.organizationId(), digest).getSize();
  }

  private ArtifactRef refIn(String organizationId, String digest) {
    String hex = Digests.hex(digest);
    ArtifactRef ref =
        repository
            .find(organizationId, hex)
            .orElseThrow(
                () -> new UnknownResourceException("artifact sha256:" + hex + " not found"));
    try {
      OptionalLong stored = holding(ref).size(hex);
      if (stored.isEmpty()) {
        throw new UnknownResourceException("artifact sha256:" + hex + " not found");
      }
      return ref;
    } catch (IOException e) {
      throw new UnavailableException(
          "the CAS backend holding artifact sha256:" + hex + " cannot be read: " + e.getMessage());
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
    ArtifactRef ref = refIn(organizationId, digest);
    try {
      return new Content(holding(ref).open(Digests.hex(digest)), ref.getSize());
    } catch (IOException e) {
      throw new UnavailableException(
          "the CAS backend holding artifact " + digest + " cannot be read: " + e.getMessage());
    }
  }
}
