package dev.chainloop.ee.cli.commands.workflow;

import dev.chainloop.ee.cli.client.Json;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.output.Paging;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class WorkflowListCommand extends LeafCommand {
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
    return "List existing workflows";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.bool("full", "show the full report");
    flags.string("project", "filter by project name");
    Paging.defineFlags(flags);
  }

  @Override
  public void run(CliContext ctx) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("project", ctx.flags().string("project").trim());
    Paging.addTo(ctx, query);
    JsonObject response = Json.asObject(ctx.api().get("/api/v1/workflows", query));
    List<JsonObject> workflows = Json.objects(Json.items(response));
    if (ctx.jsonOutput()) {
      // Chainloop's shape: {"workflows": [...], "pagination": {...}}
      ctx.printJson(
          jakarta.json.Json.createObjectBuilder()
              .add("workflows", Json.items(response))
              .add(
                  "pagination",
                  jakarta.json.Json.createObjectBuilder()
                      .add("page", response.getInt("page"))
                      .add("pageSize", response.getInt("pageSize"))
                      .add("totalPages", response.getInt("totalPages"))
                      .add("totalCount", response.getJsonNumber("totalCount").longValue()))
              .build());
      return;
    }
    if (workflows.isEmpty()) {
      ctx.out().println("there are no workflows yet");
      return;
    }
    ctx.print(WorkflowView.table(workflows, ctx.flags().bool("full")));
    Paging.report(ctx, response, workflows.size());
  }
}
