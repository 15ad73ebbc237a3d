package dev.chainloop.ee.cli.commands.casbackend;

import dev.chainloop.ee.cli.client.model.CreateCasBackendRequest;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import jakarta.json.JsonObject;

/** {@code cas-backend add <provider>}: the shared flags, the provider's own, one POST. */
abstract class CasBackendAddCommand extends LeafCommand {
  @Override
  public final void defineFlags(FlagSet flags) {
    flags.string("name", "CAS backend name").required();
    CasBackendFlags.define(flags, "");
    defineProviderFlags(flags);
  }

  protected abstract void defineProviderFlags(FlagSet flags);

  /** Upstream's provider id, e.g. {@code OCI}. */
  protected abstract String provider();

  protected abstract String location(CliContext ctx);

  protected abstract JsonObject credentials(CliContext ctx);

  @Override
  public final void run(CliContext ctx) {
    boolean isDefault = ctx.flags().bool("default");
    Long maxBytes = CasBackendFlags.maxBytes(ctx);
    if (isDefault && !CasBackendFlags.confirmDefaultOverride(ctx, "")) {
      ctx.log().info("Aborting...");
      return;
    }
    CasBackendFlags.print(
        ctx,
        ctx.api()
            .addCasBackend(
                new CreateCasBackendRequest(
                    ctx.flags().string("name").trim(),
                    provider(),
                    location(ctx),
                    ctx.flags().optional("description").orElse(null),
                    isDefault,
                    ctx.flags().bool("fallback"),
                    maxBytes,
                    credentials(ctx))));
  }
}
