package dev.chainloop.ee.cli.commands.audit;

import dev.chainloop.ee.cli.client.Json;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Paging;
import dev.chainloop.ee.cli.output.Table;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class AuditListCommand extends LeafCommand {
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
    return "List audit events of the current organization";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    Paging.defineFlags(flags);
  }

  @Override
  public void run(CliContext ctx) {
    Map<String, String> query = new LinkedHashMap<>();
    Paging.addTo(ctx, query);
    JsonObject response = Json.asObject(ctx.api().get("/api/v1/audit-events", query));
    List<JsonObject> events = Json.objects(Json.items(response));
    if (ctx.jsonOutput()) {
      ctx.printJson(response);
      return;
    }
    if (events.isEmpty()) {
      ctx.out().println("there are no audit events");
      return;
    }
    Table t = Table.withHeader("Time", "Action", "Actor", "Target", "Detail");
    for (JsonObject e : events) {
      String type = Json.str(e, "targetType");
      String id = Json.str(e, "targetId");
      t.row(
          Dates.rfc822(Json.str(e, "occurredAt")),
          Json.str(e, "action"),
          Json.str(e, "actor"),
          type.isEmpty() ? id : id.isEmpty() ? type : type + "/" + id,
          Json.str(e, "detail"));
    }
    ctx.print(t);
    Paging.report(ctx, response, events.size());
  }
}
