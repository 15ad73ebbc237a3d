package dev.chainloop.ee.cli.commands.organization;

import dev.chainloop.ee.cli.client.model.Membership;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.NamedCommand;

public final class OrgLeaveCommand extends NamedCommand {
  public OrgLeaveCommand() {
    super("organization name");
  }

  @Override
  public String name() {
    return "leave";
  }

  @Override
  public String shortDescription() {
    return "Leave an organization";
  }

  @Override
  protected void run(CliContext ctx, String name) {
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
