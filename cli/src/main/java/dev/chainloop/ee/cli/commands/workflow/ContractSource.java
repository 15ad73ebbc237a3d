package dev.chainloop.ee.cli.commands.workflow;

import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.cli.framework.FileOrUrl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code --contract} values: a local file or an http(s) URL holding a contract body. */
public final class ContractSource {
  private ContractSource() {}

  public static boolean isLocation(String value) {
    return FileOrUrl.isUrl(value) || Files.isRegularFile(Path.of(value));
  }

  /** The body at a file path or URL; empty if {@code value} is neither (then it is a name). */
  public static Optional<String> read(String value) {
    if (FileOrUrl.isUrl(value)) {
      return Optional.of(
          new String(FileOrUrl.fetch(value, "the contract"), StandardCharsets.UTF_8));
    }
    Path path = Path.of(value);
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CliException("cannot read the contract file " + value + ": " + e.getMessage(), e);
    }
  }

  /** Like {@link #read} but the value must be a file or URL. */
  public static String require(String value) {
    return read(value).orElseThrow(() -> new CliException("contract file " + value + " not found"));
  }
}
