package dev.chainloop.ee.cli.commands.project;

import dev.chainloop.ee.cli.client.model.Project;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.ListCommand;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Listing;
import dev.chainloop.ee.cli.output.Table;
import java.util.List;

public final class ProjectListCommand extends ListCommand {
  @Override
  public String shortDescription() {
    return "List the projects of the organization";
  }

  @Override
  public void run(CliContext ctx) {
    Listing.print(
        ctx, ctx.api().projects(), "there are no projects yet", ProjectListCommand::table);
  }

  private static Table table(List<Project> projects) {
    Table t = Table.withHeader("Name", "Created At", "Workflows");
    for (Project p : projects) {
      t.row(p.name(), Dates.rfc822(p.createdAt()), p.workflowsCount());
    }
    return t;
  }
}
