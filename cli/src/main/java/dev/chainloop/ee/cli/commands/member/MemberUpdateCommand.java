package dev.chainloop.ee.cli.commands.member;

import dev.chainloop.ee.cli.client.ApiClient;
import dev.chainloop.ee.cli.client.Json;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import jakarta.json.JsonObject;
import java.util.List;

public final class MemberUpdateCommand extends LeafCommand {
  @Override
  public String name() {
    return "update";
  }

  @Override
  public String shortDescription() {
    return "Update the role of a member";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("id", "membership ID").required();
    flags.string("role", Roles.HELP).required();
  }

  @Override
  public void run(CliContext ctx) {
    String role = Roles.check(ctx.flags().string("role"));
    String id = ctx.flags().string("id").trim();
    JsonObject member =
        Json.asObject(
            ctx.api()
                .patch(
                    "/api/v1/members/" + ApiClient.segment(id),
                    Json.object().add("role", role).build()));
    if (ctx.jsonOutput()) {
      ctx.printJson(member);
    } else {
      ctx.print(MemberView.members(List.of(member)));
    }
    ctx.log().info("Member updated!");
  }
}
