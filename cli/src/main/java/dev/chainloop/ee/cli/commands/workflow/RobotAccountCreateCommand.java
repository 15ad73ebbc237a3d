package dev.chainloop.ee.cli.commands.workflow;

import dev.chainloop.ee.cli.client.model.CreateRobotAccountRequest;
import dev.chainloop.ee.cli.client.model.RobotAccount;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import java.util.List;

public final class RobotAccountCreateCommand extends LeafCommand {
  @Override
  public String name() {
    return "create";
  }

  @Override
  public String shortDescription() {
    return "Create a robot account for a workflow (legacy, prefer API tokens)";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("workflow", "workflow name or id").required();
    flags.string("project", "project of the workflow; needed when the name is in several projects");
    flags.string("name", "robot account name").required();
  }

  @Override
  public void run(CliContext ctx) {
    String id = RobotAccounts.workflowId(ctx);
    RobotAccount created =
        ctx.api()
            .createRobotAccount(
                id, new CreateRobotAccountRequest(ctx.flags().string("name").trim()));
    if (ctx.jsonOutput()) {
      ctx.printJson(created);
      return;
    }
    ctx.print(RobotAccounts.table(List.of(created)));
    ctx.out()
        .printf(
            "%nSave the following key since it will not be shown again:%n%n%s%n", created.key());
  }
}
