package dev.chainloop.ee.cli.commands.integration;

import dev.chainloop.ee.cli.client.model.AttachIntegrationRequest;
import dev.chainloop.ee.cli.client.model.AttachedIntegration;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import java.util.List;

public final class AttachedIntegrationAddCommand extends LeafCommand {
  @Override
  public String name() {
    return "add";
  }

  @Override
  public String shortDescription() {
    return "Attach an existing registered integration to a workflow";
  }

  @Override
  public String example() {
    return """
          chainloop integration attached add --workflow deadbeef --project my-project --integration send-to-prod --opt projectName=MyProject --opt projectVersion=1.0.0""";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags
        .string("integration", "Name of the integration already registered in this organization")
        .required();
    flags.string("workflow", "name of the workflow to attach this integration").required();
    flags.string("project", "name of the project the workflow belongs to").required();
    flags.stringArray("opt", "integration attachment arguments");
  }

  @Override
  public void run(CliContext ctx) {
    AttachedIntegration attached =
        ctx.api()
            .attachIntegration(
                new AttachIntegrationRequest(
                    ctx.flags().string("integration").trim(),
                    ctx.flags().string("workflow").trim(),
                    ctx.flags().string("project").trim(),
                    IntegrationOptions.parse(ctx.flags().strings("opt"))));
    if (ctx.jsonOutput()) {
      ctx.printJson(attached);
      return;
    }
    ctx.print(AttachedIntegrationListCommand.table(List.of(attached)));
  }
}
