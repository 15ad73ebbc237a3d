package dev.chainloop.ee.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Where content-addressed bytes live; keys are lower-case sha256 hex. */
public interface ArtifactStore {
  /** Size of the stored content, if present. */
  OptionalLong size(String hex) throws IOException;

  /** Takes over {@code verifiedFile} (already hashed to {@code hex}); a no-op if present. */
  void put(String hex, Path verifiedFile, long size) throws IOException;

  /** The content; the caller closes the stream. */
  InputStream open(String hex) throws IOException;

  /**
   * Fails with the store's reason when it cannot be read and written with its credentials; the
   * reason never carries a credential.
   */
  default void validate() throws IOException {}
}
