package dev.chainloop.ee.cli.commands.casbackend;

import dev.chainloop.ee.cli.client.model.UpdateCasBackendRequest;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.NamedCommand;
import jakarta.json.JsonObject;
import java.util.Optional;

/** {@code cas-backend update <provider>}: only the flags given change. */
abstract class CasBackendUpdateCommand extends NamedCommand {
  CasBackendUpdateCommand() {
    super("CAS Backend name");
  }

  @Override
  protected final void defineOtherFlags(FlagSet flags) {
    CasBackendFlags.define(flags, ". Note: not supported for inline backends.");
    defineProviderFlags(flags);
  }

  protected abstract void defineProviderFlags(FlagSet flags);

  /** The credential flags given, as upstream's keys; null keeps the stored ones. */
  protected abstract JsonObject credentials(CliContext ctx);

  @Override
  protected final void run(CliContext ctx, String name) {
    Long maxBytes = CasBackendFlags.maxBytes(ctx);
    Optional<Boolean> isDefault = CasBackendFlags.given(ctx, "default");
    if (isDefault.isPresent()) {
      boolean ok =
          isDefault.get()
              ? CasBackendFlags.confirmDefaultOverride(ctx, name)
              : CasBackendFlags.confirmDefaultUnset(
                  ctx, name, "You are setting the default CAS backend to false");
      if (!ok) {
        ctx.log().info("Aborting...");
        return;
      }
    }
    CasBackendFlags.print(
        ctx,
        ctx.api()
            .updateCasBackend(
                name,
                new UpdateCasBackendRequest(
                    ctx.flags().isSet("description") ? ctx.flags().string("description") : null,
                    isDefault.orElse(null),
                    CasBackendFlags.given(ctx, "fallback").orElse(null),
                    maxBytes,
                    credentials(ctx))));
  }
}
