package dev.chainloop.ee.cli.attestation;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A repository's {@code .chainloop.yml} (or {@code .yaml}), as upstream reads it: its {@code
 * projectVersion} is the version {@code attestation init} attests when none is given. Found in the
 * working directory or the nearest parent, stopping at a git root.
 */
public final class DotChainloopConfig {
  private DotChainloopConfig() {}

  /** The file's {@code projectVersion}; empty when there is no file, no value or no valid YAML. */
  public static Optional<String> projectVersion(Path workingDirectory) {
    for (Path dir = workingDirectory.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      for (String name : new String[] {".chainloop.yaml", ".chainloop.yml"}) {
        Path file = dir.resolve(name);
        if (Files.isRegularFile(file)) {
          return read(file);
        }
      }
      if (Files.exists(dir.resolve(".git"))) {
        break;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> read(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
      if (doc instanceof Map<?, ?> map && map.get("projectVersion") != null) {
        String version = String.valueOf(map.get("projectVersion")).trim();
        return version.isEmpty() ? Optional.empty() : Optional.of(version);
      }
      return Optional.empty();
    } catch (IOException | RuntimeException unreadable) {
      // As upstream: a file that cannot be read leaves the version unset.
      return Optional.empty();
    }
  }
}
