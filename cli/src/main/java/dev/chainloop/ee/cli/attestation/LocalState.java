package dev.chainloop.ee.cli.attestation;

import dev.chainloop.ee.cli.framework.CliException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/** The crafting state file, {@code $TMPDIR/chainloop-attestation.tmp.json} unless overridden. */
public final class LocalState {
  public static final String FILE_NAME = "chainloop-attestation.tmp.json";

  private LocalState() {}

  public static Path path(String override, Map<String, String> env) {
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    String tmp = env.getOrDefault("TMPDIR", System.getProperty("java.io.tmpdir"));
    return Path.of(
        tmp == null || tmp.isBlank() ? System.getProperty("java.io.tmpdir") : tmp, FILE_NAME);
  }

  public static Optional<CraftingState> read(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(CraftingState.parse(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IOException | RuntimeException e) {
      throw new CliException(
          "cannot read the attestation state " + file + ": " + e.getMessage(), e);
    }
  }

  public static CraftingState require(Path file) {
    return read(file)
        .orElseThrow(
            () ->
                new CliException(
                    "attestation not initialized, run \"chainloop attestation init\" first"));
  }

  public static void write(Path file, CraftingState state) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "chainloop-state", ".tmp");
      Files.writeString(tmp, state.toJson().toString(), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new CliException(
          "cannot write the attestation state " + file + ": " + e.getMessage(), e);
    }
  }

  public static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new CliException("cannot delete the attestation state " + file, e);
    }
  }
}
