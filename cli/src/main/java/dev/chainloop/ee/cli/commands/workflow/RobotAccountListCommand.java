package dev.chainloop.ee.cli.commands.workflow;

import dev.chainloop.ee.cli.client.model.RobotAccount;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import java.util.List;

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
    List<RobotAccount> items = ctx.api().robotAccounts(id, ctx.flags().bool("all"));
    if (ctx.jsonOutput()) {
      ctx.printJson(items);
    } else if (items.isEmpty()) {
      ctx.out().println("there are no robot accounts for this workflow");
    } else {
      ctx.print(RobotAccounts.table(items));
    }
  }
}
