package dev.chainloop.ee.cli.commands.run;

import dev.chainloop.ee.cli.client.Json;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Table;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class RunListCommand extends LeafCommand {
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
    return "List workflow runs";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("workflow", "workflow name");
    flags.string("project", "project name");
    flags.string("status", "filter by status: INITIALIZED, SUCCEEDED, FAILED, CANCELLED, EXPIRED");
    flags.integer("limit", "number of runs per page").defaultValue("50");
    flags.string("next", "cursor to load the next page");
  }

  @Override
  public void run(CliContext ctx) {
    Map<String, String> q = new LinkedHashMap<>();
    for (String f : List.of("workflow", "project", "status", "next")) {
      q.put(f, ctx.flags().string(f).trim());
    }
    q.put("limit", String.valueOf(ctx.flags().integer("limit")));
    JsonObject page = Json.asObject(ctx.api().get("/api/v1/workflow-runs", q));
    if (ctx.jsonOutput()) {
      ctx.printJson(page);
      return;
    }
    Table t = Table.withHeader("ID", "Workflow", "Version", "State", "Created At", "Runner");
    for (JsonObject r : Json.objects(Json.items(page))) {
      JsonObject wf = Json.obj(r, "workflow");
      t.row(
          Json.str(r, "id"),
          Json.str(wf, "project") + "/" + Json.str(wf, "name"),
          "",
          Json.str(r, "status"),
          Dates.rfc822(Json.str(r, "createdAt")),
          Json.str(r, "runnerType"));
    }
    ctx.print(t);
    Json.opt(page, "nextCursor").ifPresent(c -> ctx.log().info("--next " + c));
  }
}
