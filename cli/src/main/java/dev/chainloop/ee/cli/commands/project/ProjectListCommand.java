package dev.chainloop.ee.cli.commands.project;

import dev.chainloop.ee.cli.client.model.Project;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Table;
import java.util.List;

public final class ProjectListCommand extends LeafCommand {
  @Override
  public String name() {
    return "list";
  }

  @Override
  public List<String> aliases() {
    return List.of("ls");
  }

  @Override
  public String shortDescription() {
    return "List the projects of the organization";
  }

  @Override
  public void run(CliContext ctx) {
    List<Project> items = ctx.api().projects();
    if (ctx.jsonOutput()) {
      ctx.printJson(items);
      return;
    }
    if (items.isEmpty()) {
      ctx.out().println("there are no projects yet");
      return;
    }
    Table t = Table.withHeader("Name", "Created At", "Workflows");
    for (Project p : items) {
      t.row(p.name(), Dates.rfc822(p.createdAt()), p.workflowsCount());
    }
    ctx.print(t);
  }
}
