package dev.chainloop.ee.cli.commands.workflow;

import dev.chainloop.ee.cli.client.model.Workflow;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.NamedCommand;

public final class WorkflowDeleteCommand extends NamedCommand {
  public WorkflowDeleteCommand() {
    super("workflow name");
  }

  @Override
  public String name() {
    return "delete";
  }

  @Override
  public String shortDescription() {
    return "Delete an existing workflow";
  }

  @Override
  protected void defineOtherFlags(FlagSet flags) {
    flags.string("project", "project name").required();
  }

  @Override
  protected void run(CliContext ctx, String name) {
    String project = ctx.flags().string("project").trim();
    Workflow wf = WorkflowView.find(ctx, name, project);
    if (!ctx.confirm(
        "You are about to delete the workflow \"" + name + "\" of project \"" + project + "\".")) {
      ctx.log().info("Deletion cancelled");
      return;
    }
    ctx.api().deleteWorkflow(wf.id());
    ctx.log().info("Workflow deleted!");
  }
}
