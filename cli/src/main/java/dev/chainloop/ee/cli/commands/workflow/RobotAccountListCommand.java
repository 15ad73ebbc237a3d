package dev.chainloop.ee.cli.commands.workflow;

import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.ListCommand;
import dev.chainloop.ee.cli.output.Listing;

public final class RobotAccountListCommand extends ListCommand {
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
    Listing.print(
        ctx,
        ctx.api().robotAccounts(id, ctx.flags().bool("all")),
        "there are no robot accounts for this workflow",
        RobotAccounts::table);
  }
}
