package dev.chainloop.ee.cli.commands.integration;

import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;

public final class AttachedIntegrationDeleteCommand extends LeafCommand {
  @Override
  public String name() {
    return "delete";
  }

  @Override
  public String shortDescription() {
    return "Detach an integration that's attached to a workflow";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("id", "ID of the existing attachment").required();
  }

  @Override
  public void run(CliContext ctx) {
    ctx.api().detachIntegration(ctx.flags().string("id").trim());
    ctx.log().info("Integration detached!");
  }
}
