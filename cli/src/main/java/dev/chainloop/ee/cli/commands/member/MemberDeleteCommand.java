package dev.chainloop.ee.cli.commands.member;

import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;

public final class MemberDeleteCommand extends LeafCommand {
  @Override
  public String name() {
    return "delete";
  }

  @Override
  public String shortDescription() {
    return "Remove a member from the current organization";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("id", "membership ID").required();
  }

  @Override
  public void run(CliContext ctx) {
    String id = ctx.flags().string("id").trim();
    ctx.api().deleteMember(id);
    ctx.log().info("Member deleted!");
  }
}
