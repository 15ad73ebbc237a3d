package dev.chainloop.ee.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sigstore's own JavaScript verifier ({@code @sigstore/verify}, from npm) as an independent
 * verifier of our bundles: src/test/resources/sigstore/verify (a package.json with its lock file
 * and verify.cjs) is installed with {@code npm ci} into target/sigstore-verify on first use, then
 * each {@link #verify} runs {@code node verify.cjs TRUSTED_ROOT BUNDLE} offline.
 */
public final class SigstoreJs {
  private static final Path SOURCE = Path.of("src/test/resources/sigstore/verify");
  private static final Path HOME = Path.of("target/sigstore-verify").toAbsolutePath();

  private SigstoreJs() {}

  /** One verification: exit 0 and "verified", or exit 1 and "CODE: message" on stderr. */
  public record Result(int exitCode, String output) {}

  public static Result verify(Path trustedRoot, Path bundle) {
    install();
    return run(List.of("node", "verify.cjs", trustedRoot.toString(), bundle.toString()), 60);
  }

  private static synchronized void install() {
    if (Files.isDirectory(HOME.resolve("node_modules/@sigstore/verify"))) {
      return;
    }
    try {
      Files.createDirectories(HOME);
      for (String file : List.of("package.json", "package-lock.json", "verify.cjs")) {
        Files.copy(
            SOURCE.resolve(file),
            HOME.resolve(file),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Result installed = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
    if (installed.exitCode() != 0) {
      throw new IllegalStateException("npm ci in " + HOME + " failed:\n" + installed.output());
    }
  }

  private static Result run(List<String> command, long timeoutSeconds) {
    try {
      Path log = Files.createTempFile("sigstore-js", ".log");
      Process p =
          new ProcessBuilder(command)
              .directory(HOME.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(command + " did not finish in " + timeoutSeconds + " s");
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      Files.delete(log);
      return new Result(p.exitValue(), output.trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
