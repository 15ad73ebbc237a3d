package dev.chainloop.ee.cli.commands.integration;

import dev.chainloop.ee.cli.client.model.RegisteredIntegration;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.NamedCommand;
import java.util.List;

public final class RegisteredIntegrationDescribeCommand extends NamedCommand {
  public RegisteredIntegrationDescribeCommand() {
    super("integration name");
  }

  @Override
  public String name() {
    return "describe";
  }

  @Override
  public String shortDescription() {
    return "Describe a registered integration (its secret options are never shown)";
  }

  @Override
  protected void run(CliContext ctx, String name) {
    RegisteredIntegration i = ctx.api().registeredIntegration(name);
    if (ctx.jsonOutput()) {
      ctx.printJson(i);
      return;
    }
    ctx.print(RegisteredIntegrationListCommand.table(List.of(i)));
  }
}
