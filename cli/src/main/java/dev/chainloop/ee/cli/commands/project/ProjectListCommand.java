package dev.chainloop.ee.cli.commands.project;

import static dev.chainloop.ee.cli.client.Json.str;

import dev.chainloop.ee.cli.client.Json;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Table;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
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
    JsonArray items = Json.items(ctx.api().get("/api/v1/projects"));
    if (ctx.jsonOutput()) {
      ctx.printJson(items);
      return;
    }
    if (items.isEmpty()) {
      ctx.out().println("there are no projects yet");
      return;
    }
    Table t = Table.withHeader("Name", "Created At", "Workflows");
    for (JsonObject p : Json.objects(items)) {
      t.row(str(p, "name"), Dates.rfc822(str(p, "createdAt")), str(p, "workflowsCount"));
    }
    ctx.print(t);
  }
}
