package dev.chainloop.ee.cli.commands.integration;

import dev.chainloop.ee.cli.client.model.RegisteredIntegration;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.ListCommand;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Listing;
import dev.chainloop.ee.cli.output.Table;
import java.util.List;

public final class RegisteredIntegrationListCommand extends ListCommand {
  @Override
  public String shortDescription() {
    return "List registered integrations";
  }

  @Override
  public void run(CliContext ctx) {
    Listing.print(
        ctx,
        ctx.api().registeredIntegrations(),
        "there are no third party integrations configured in your organization yet",
        RegisteredIntegrationListCommand::table);
  }

  static Table table(List<RegisteredIntegration> integrations) {
    Table t =
        Table.withHeader("Name", "Description", "Kind", "Config", "Created At")
            .title("Integrations registered and configured in your organization");
    for (RegisteredIntegration i : integrations) {
      t.row(
          i.name(),
          i.description(),
          i.kind(),
          IntegrationOptions.render(i.config()),
          Dates.rfc822(i.createdAt()));
    }
    return t;
  }
}
