package dev.chainloop.ee.cli.commands.casbackend;

import dev.chainloop.ee.cli.client.model.CasBackend;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Optional;

/** The flags {@code add} and {@code update} share (upstream's persistent flags) and their rules. */
final class CasBackendFlags {
  private CasBackendFlags() {}

  static void define(FlagSet flags, String maxBytesNote) {
    flags.bool("default", "set the backend as default in your organization");
    flags.bool("fallback", "set the backend as fallback in your organization");
    flags.string("description", "descriptive information for this registration");
    flags.string(
        "max-bytes",
        "Maximum size for each blob stored in this backend (e.g., 100MB, 1GB)" + maxBytesNote);
  }

  static Long maxBytes(CliContext ctx) {
    return ctx.flags().nonBlank("max-bytes").map(v -> ByteSizes.parse("max-bytes", v)).orElse(null);
  }

  /** The flag's value when given on the command line ({@code --default=false} included). */
  static Optional<Boolean> given(CliContext ctx, String flag) {
    return ctx.flags().isSet(flag) ? Optional.of(ctx.flags().bool(flag)) : Optional.empty();
  }

  /** The given credential flags as upstream's keys; null when none was given. */
  static JsonObject credentials(CliContext ctx, String... flagAndKey) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    boolean any = false;
    for (int i = 0; i < flagAndKey.length; i += 2) {
      Optional<String> v = ctx.flags().nonBlank(flagAndKey[i]);
      if (v.isPresent()) {
        b.add(flagAndKey[i + 1], v.get());
        any = true;
      }
    }
    return any ? b.build() : null;
  }

  /** Upstream asks before another backend stops being the default. */
  static boolean confirmDefaultOverride(CliContext ctx, String name) {
    Optional<CasBackend> current =
        ctx.api().casBackends().stream().filter(CasBackend::isDefault).findFirst();
    if (current.isEmpty() || current.get().name().equals(name)) {
      return true;
    }
    return ctx.confirm("You are changing the default CAS backend in your organization");
  }

  /** Upstream asks before the default backend is unset or deleted. */
  static boolean confirmDefaultUnset(CliContext ctx, String name, String message) {
    boolean isDefault =
        ctx.api().casBackends().stream().anyMatch(b -> b.isDefault() && b.name().equals(name));
    return !isDefault || ctx.confirm(message);
  }

  static void print(CliContext ctx, CasBackend backend) {
    if (ctx.jsonOutput()) {
      ctx.printJson(backend);
      return;
    }
    ctx.print(CasBackendListCommand.table(List.of(backend), false));
  }
}
