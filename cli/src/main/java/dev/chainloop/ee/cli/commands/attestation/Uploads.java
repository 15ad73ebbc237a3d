package dev.chainloop.ee.cli.commands.attestation;

import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.shared.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/** File digests and CAS uploads, shared by {@code att add} and {@code artifact upload}. */
public final class Uploads {
  private static final long PROGRESS_THRESHOLD = 1024 * 1024;

  private Uploads() {}

  public static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha = Sha256.newDigest();
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) != -1; ) {
        sha.update(buf, 0, n);
      }
      return Sha256.prefixed(sha);
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  public static String sha256(String text) {
    return Sha256.prefixed(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Uploads {@code file} to the CAS under {@code digest}, streaming it from disk. */
  public static void upload(CliContext ctx, Path file, String digest) {
    try {
      long size = Files.size(file);
      boolean progress = size >= PROGRESS_THRESHOLD;
      if (progress) {
        ctx.log().info("uploading " + file.getFileName() + " (" + size + " bytes)");
      }
      ctx.api().uploadArtifact(digest, file);
      if (progress) {
        ctx.log().info("upload of " + file.getFileName() + " completed: 100%");
      }
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
