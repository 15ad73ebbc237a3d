package dev.chainloop.ee.cli.commands.workflow;

import dev.chainloop.ee.cli.client.ApiClient;
import dev.chainloop.ee.cli.client.Json;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import jakarta.json.JsonArray;
import java.util.List;
import java.util.Map;

public final class RobotAccountListCommand extends LeafCommand {
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
    return "List the robot accounts of a workflow";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("workflow", "workflow name or id").required();
    flags.string("project", "project of the workflow; needed when the name is in several projects");
    flags.bool("all", "include revoked robot accounts").shorthand("a");
  }

  @Override
  public void run(CliContext ctx) {
    String id = RobotAccounts.workflowId(ctx);
    JsonArray items =
        Json.items(
            ctx.api()
                .get(
                    "/api/v1/workflows/" + ApiClient.segment(id) + "/robot-accounts",
                    Map.of("all", ctx.flags().bool("all") ? "true" : "")));
    if (ctx.jsonOutput()) {
      ctx.printJson(items);
    } else if (items.isEmpty()) {
      ctx.out().println("there are no robot accounts for this workflow");
    } else {
      ctx.print(RobotAccounts.table(Json.objects(items)));
    }
  }
}
