package dev.chainloop.ee.cli.commands.integration;

import dev.chainloop.ee.cli.client.model.IntegrationDelivery;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.ListCommand;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Listing;
import dev.chainloop.ee.cli.output.Table;
import java.util.List;

public final class IntegrationDeliveryListCommand extends ListCommand {
  @Override
  public String shortDescription() {
    return "List the newest deliveries of attestations to integrations, with their attempts";
  }

  @Override
  public String example() {
    return """
          chainloop integration deliveries list --status pending -o json""";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("status", "only deliveries in this status: pending, delivered or failed");
    flags.integer("limit", "at most this many deliveries, newest first (1-100)").defaultValue("50");
  }

  @Override
  public void run(CliContext ctx) {
    Listing.print(
        ctx,
        ctx.api()
            .integrationDeliveries(
                ctx.flags().optional("status").orElse(null), ctx.flags().integer("limit")),
        "there are no integration deliveries yet",
        IntegrationDeliveryListCommand::table);
  }

  private static Table table(List<IntegrationDelivery> deliveries) {
    Table t =
        Table.withHeader(
            "ID",
            "Integration",
            "Workflow",
            "Digest",
            "Status",
            "Attempts",
            "Last Error",
            "Created At");
    for (IntegrationDelivery d : deliveries) {
      t.row(
          d.id(),
          d.integration() + " (" + d.kind() + ")",
          d.workflow(),
          d.attestationDigest(),
          d.status(),
          d.attempts(),
          d.lastError(),
          Dates.rfc822(d.createdAt()));
    }
    return t;
  }
}
