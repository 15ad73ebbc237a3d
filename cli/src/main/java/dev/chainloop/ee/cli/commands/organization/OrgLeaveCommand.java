package dev.chainloop.ee.cli.commands.organization;

import dev.chainloop.ee.cli.client.model.Membership;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;

public final class OrgLeaveCommand extends LeafCommand {
  @Override
  public String name() {
    return "leave";
  }

  @Override
  public String shortDescription() {
    return "Leave an organization";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("name", "organization name").required();
  }

  @Override
  public void run(CliContext ctx) {
    String name = ctx.flags().string("name").trim();
    Membership membership = Memberships.byOrganization(ctx, name);
    if (!ctx.confirm("You are about to leave the organization \"" + name + "\".")) {
      ctx.log().info("Leave cancelled");
      return;
    }
    ctx.api().leaveOrganization(membership.id());
    OrgDeleteCommand.forgetIfCurrent(ctx, name);
    ctx.log().info("You have left the organization \"" + name + "\"");
  }
}
