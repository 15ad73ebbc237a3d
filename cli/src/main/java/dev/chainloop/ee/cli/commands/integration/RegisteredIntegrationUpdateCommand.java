package dev.chainloop.ee.cli.commands.integration;

import dev.chainloop.ee.cli.client.model.RegisteredIntegration;
import dev.chainloop.ee.cli.client.model.UpdateIntegrationRequest;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.NamedCommand;
import java.util.List;

public final class RegisteredIntegrationUpdateCommand extends NamedCommand {
  public RegisteredIntegrationUpdateCommand() {
    super("integration name");
  }

  @Override
  public String name() {
    return "update";
  }

  @Override
  public String shortDescription() {
    return "Update a registered integration: its description or some of its options";
  }

  @Override
  public String example() {
    return """
          chainloop integration registered update --name send-to-prod --opt apiKey=new-key""";
  }

  @Override
  protected void defineOtherFlags(FlagSet flags) {
    flags.string("description", "integration registration description");
    flags.stringArray("opt", "integration arguments to change");
  }

  @Override
  protected void run(CliContext ctx, String name) {
    RegisteredIntegration updated =
        ctx.api()
            .updateRegisteredIntegration(
                name,
                new UpdateIntegrationRequest(
                    ctx.flags().optional("description").orElse(null),
                    IntegrationOptions.parse(ctx.flags().strings("opt"))));
    if (ctx.jsonOutput()) {
      ctx.printJson(updated);
      return;
    }
    ctx.print(RegisteredIntegrationListCommand.table(List.of(updated)));
  }
}
