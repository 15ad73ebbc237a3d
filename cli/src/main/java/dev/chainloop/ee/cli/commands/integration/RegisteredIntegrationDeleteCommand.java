package dev.chainloop.ee.cli.commands.integration;

import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.NamedCommand;

public final class RegisteredIntegrationDeleteCommand extends NamedCommand {
  public RegisteredIntegrationDeleteCommand() {
    super("integration name");
  }

  @Override
  public String name() {
    return "delete";
  }

  @Override
  public String shortDescription() {
    return "De-register an integration";
  }

  @Override
  protected void run(CliContext ctx, String name) {
    if (!ctx.confirm(
        "You are about to de-register the integration \""
            + name
            + "\" and detach it from every workflow.")) {
      ctx.log().info("Deletion cancelled");
      return;
    }
    ctx.api().deleteRegisteredIntegration(name);
    ctx.log().info("Integration deleted!");
  }
}
