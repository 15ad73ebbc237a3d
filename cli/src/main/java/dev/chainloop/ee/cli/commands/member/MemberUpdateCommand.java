package dev.chainloop.ee.cli.commands.member;

import dev.chainloop.ee.cli.client.model.Member;
import dev.chainloop.ee.cli.client.model.UpdateMemberRequest;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
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
    Member member = ctx.api().updateMember(id, new UpdateMemberRequest(role));
    if (ctx.jsonOutput()) {
      ctx.printJson(member);
    } else {
      ctx.print(MemberView.members(List.of(member)));
    }
    ctx.log().info("Member updated!");
  }
}
