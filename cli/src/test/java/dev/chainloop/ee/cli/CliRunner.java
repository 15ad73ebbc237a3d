package dev.chainloop.ee.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test driver: runs {@link Main#run} with captured streams and an environment isolated in a temp
 * dir.
 */
public final class CliRunner {
  private final Map<String, String> env = new HashMap<>();
  private String stdin = "";

  public CliRunner(Path home) {
    env.put("HOME", home.toString());
    env.put("XDG_CONFIG_HOME", home.resolve("xdg").toString());
  }

  public CliRunner env(String key, String value) {
    env.put(key, value);
    return this;
  }

  public CliRunner stdin(String text) {
    this.stdin = text;
    return this;
  }

  public Path configFile() {
    return Path.of(env.get("XDG_CONFIG_HOME"), "chainloop", "config.toml");
  }

  public Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code =
          Main.run(
              args,
              Map.copyOf(env),
              new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
              o,
              e);
    }
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  public record Result(int code, String out, String err) {
    public List<String> errLines() {
      return err.isEmpty() ? List.of() : List.of(err.split("\n"));
    }
  }
}
