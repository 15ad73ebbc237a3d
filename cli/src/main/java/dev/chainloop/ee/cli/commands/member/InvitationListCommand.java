package dev.chainloop.ee.cli.commands.member;

import dev.chainloop.ee.cli.client.Json;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.LeafCommand;
import jakarta.json.JsonArray;
import java.util.List;

public final class InvitationListCommand extends LeafCommand {
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
    return "List sent invitations";
  }

  @Override
  public void run(CliContext ctx) {
    JsonArray items = Json.items(ctx.api().get("/api/v1/invitations"));
    if (ctx.jsonOutput()) {
      ctx.printJson(items);
    } else if (items.isEmpty()) {
      ctx.out().println("there are no sent invitations");
    } else {
      ctx.print(MemberView.invitations(Json.objects(items)));
    }
  }
}
