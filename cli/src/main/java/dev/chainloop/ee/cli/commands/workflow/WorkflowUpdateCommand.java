package dev.chainloop.ee.cli.commands.workflow;

import dev.chainloop.ee.cli.client.ApiClient;
import dev.chainloop.ee.cli.client.Json;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.framework.UsageException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

public final class WorkflowUpdateCommand extends LeafCommand {
  @Override
  public String name() {
    return "update";
  }

  @Override
  public String shortDescription() {
    return "Update an existing workflow; only the flags given are changed";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("name", "workflow name").required();
    flags.string("project", "project name").required();
    flags.string("description", "workflow description");
    flags.string("team", "team name");
    flags.string("contract", "the name of an existing contract");
  }

  @Override
  public void run(CliContext ctx) {
    JsonObjectBuilder body = Json.object();
    boolean any = false;
    for (String flag : List.of("description", "team", "contract")) {
      if (ctx.flags().isSet(flag)) {
        body.add(flag, ctx.flags().string(flag));
        any = true;
      }
    }
    if (!any) {
      throw new UsageException("nothing to update: pass --description, --team or --contract");
    }
    JsonObject wf =
        WorkflowView.find(
            ctx, ctx.flags().string("name").trim(), ctx.flags().string("project").trim());
    JsonObject updated =
        Json.asObject(
            ctx.api()
                .patch("/api/v1/workflows/" + ApiClient.segment(Json.str(wf, "id")), body.build()));
    if (ctx.jsonOutput()) {
      ctx.printJson(updated);
      return;
    }
    ctx.print(WorkflowView.table(List.of(updated), true));
    ctx.log().info("Workflow updated!");
  }
}
