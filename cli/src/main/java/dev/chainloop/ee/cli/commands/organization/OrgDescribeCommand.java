package dev.chainloop.ee.cli.commands.organization;

import dev.chainloop.ee.cli.client.Json;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.output.Table;
import jakarta.json.JsonObject;
import java.util.List;

public final class OrgDescribeCommand extends LeafCommand {
  @Override
  public String name() {
    return "describe";
  }

  @Override
  public List<String> aliases() {
    return List.of("current-context");
  }

  @Override
  public String shortDescription() {
    return "Describe the current organization";
  }

  @Override
  public void run(CliContext ctx) {
    JsonObject context = Json.asObject(ctx.api().get("/api/v1/context"));
    if (ctx.jsonOutput()) {
      ctx.printJson(context);
      return;
    }
    JsonObject user = Json.obj(context, "user");
    JsonObject apiToken = Json.obj(context, "apiToken");
    JsonObject org = Json.obj(context, "organization");
    String who =
        user.isEmpty()
            ? (apiToken.isEmpty() ? "" : "API token \"" + Json.str(apiToken, "name") + "\"")
            : Json.str(user, "email");
    Table t = Table.describe().title("Current Context").row("Logged in as", who);
    if (!org.isEmpty()) {
      t.row("Organization", Json.str(org, "name") + " (role=" + Json.str(org, "role") + ")");
    }
    ctx.print(t);
  }
}
