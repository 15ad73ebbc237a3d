package dev.chainloop.ee.cli.commands.integration;

import dev.chainloop.ee.cli.client.model.AvailableIntegration;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.ListCommand;
import dev.chainloop.ee.cli.output.Listing;
import dev.chainloop.ee.cli.output.Table;
import java.util.List;

public final class AvailableIntegrationListCommand extends ListCommand {
  @Override
  public String shortDescription() {
    return "List available integrations";
  }

  @Override
  public void run(CliContext ctx) {
    Listing.print(
        ctx,
        ctx.api().availableIntegrations(),
        "there are no integrations available",
        AvailableIntegrationListCommand::table);
  }

  private static Table table(List<AvailableIntegration> kinds) {
    Table t = Table.withHeader("Name", "Version", "Material Requirement", "Description");
    for (AvailableIntegration k : kinds) {
      t.row(k.name(), k.version(), String.join(", ", k.subscribedInputs()), k.description());
    }
    return t;
  }
}
