package dev.chainloop.ee.cli.commands.integration;

import dev.chainloop.ee.cli.framework.UsageException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The {@code --opt key=value} flags of the integration commands, as upstream reads them: each flag
 * may hold several pairs separated by commas ({@code --opt instance=https://x,apiKey=y}); and the
 * options a table shows.
 */
final class IntegrationOptions {
  /** A comma that starts another {@code key=} pair. */
  private static final Pattern PAIRS = Pattern.compile(",(?=\\s*[A-Za-z][A-Za-z0-9_.-]*=)");

  private IntegrationOptions() {}

  static JsonObject parse(List<String> flags) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    for (String flag : flags) {
      for (String pair : PAIRS.split(flag)) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          throw new UsageException("invalid --opt \"" + pair.trim() + "\": expected key=value");
        }
        b.add(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
    }
    return b.build();
  }

  /** {@code key: value} pairs of a config object, one per line. */
  static String render(JsonObject config) {
    StringJoiner out = new StringJoiner("\n");
    config.forEach(
        (k, v) -> out.add(k + ": " + (v instanceof JsonString s ? s.getString() : v.toString())));
    return out.toString();
  }
}
