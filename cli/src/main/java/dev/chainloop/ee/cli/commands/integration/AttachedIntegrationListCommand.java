package dev.chainloop.ee.cli.commands.integration;

import dev.chainloop.ee.cli.client.model.AttachedIntegration;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.ListCommand;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Listing;
import dev.chainloop.ee.cli.output.Table;
import java.util.List;

public final class AttachedIntegrationListCommand extends ListCommand {
  @Override
  public String shortDescription() {
    return "List integrations attached to workflows";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("workflow", "workflow name");
    flags.string("project", "project name");
  }

  @Override
  public void run(CliContext ctx) {
    Listing.print(
        ctx,
        ctx.api()
            .attachedIntegrations(
                ctx.flags().optional("workflow").orElse(null),
                ctx.flags().optional("project").orElse(null)),
        "there are no integrations attached",
        AttachedIntegrationListCommand::table);
  }

  static Table table(List<AttachedIntegration> attachments) {
    Table t =
        Table.withHeader("ID", "Integration", "Kind", "Config", "Workflow", "Attached At")
            .title("Integrations attached to workflows");
    for (AttachedIntegration a : attachments) {
      t.row(
          a.id(),
          a.integration(),
          a.kind(),
          IntegrationOptions.render(a.config()),
          a.project() + "/" + a.workflow(),
          Dates.rfc822(a.createdAt()));
    }
    return t;
  }
}
