package dev.chainloop.ee.cli.commands.member;

import dev.chainloop.ee.cli.client.Json;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.output.Paging;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class MemberListCommand extends LeafCommand {
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
    return "List the members of the current organization";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("email", "filter by member email");
    flags.string("role", "filter by " + Roles.HELP);
    Paging.defineFlags(flags);
  }

  @Override
  public void run(CliContext ctx) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("email", ctx.flags().string("email").trim());
    query.put("role", ctx.flags().nonBlank("role").map(Roles::check).orElse(""));
    Paging.addTo(ctx, query);
    JsonObject response = Json.asObject(ctx.api().get("/api/v1/members", query));
    List<JsonObject> members = Json.objects(Json.items(response));
    if (ctx.jsonOutput()) {
      ctx.printJson(response);
      return;
    }
    if (members.isEmpty()) {
      ctx.out().println("there are no members matching the criteria");
      return;
    }
    ctx.print(MemberView.members(members));
    Paging.report(ctx, response, members.size());
  }
}
