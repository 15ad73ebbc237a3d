package dev.chainloop.ee.cli.commands.workflow;

import dev.chainloop.ee.cli.client.model.UpdateWorkflowRequest;
import dev.chainloop.ee.cli.client.model.Workflow;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.NamedCommand;
import dev.chainloop.ee.cli.framework.UsageException;
import java.util.List;

public final class WorkflowUpdateCommand extends NamedCommand {
  public WorkflowUpdateCommand() {
    super("workflow name");
  }

  @Override
  public String name() {
    return "update";
  }

  @Override
  public String shortDescription() {
    return "Update an existing workflow; only the flags given are changed";
  }

  @Override
  protected void defineOtherFlags(FlagSet flags) {
    flags.string("project", "project name").required();
    flags.string("description", "workflow description");
    flags.string("team", "team name");
    flags.string("contract", "the name of an existing contract");
  }

  @Override
  protected void run(CliContext ctx, String name) {
    UpdateWorkflowRequest changes =
        new UpdateWorkflowRequest(
            ifSet(ctx, "description"), ifSet(ctx, "team"), ifSet(ctx, "contract"));
    if (changes.description() == null && changes.team() == null && changes.contract() == null) {
      throw new UsageException("nothing to update: pass --description, --team or --contract");
    }
    Workflow wf = WorkflowView.find(ctx, name, ctx.flags().string("project").trim());
    Workflow updated = ctx.api().updateWorkflow(wf.id(), changes);
    if (ctx.jsonOutput()) {
      ctx.printJson(updated);
      return;
    }
    ctx.print(WorkflowView.table(List.of(updated), true));
    ctx.log().info("Workflow updated!");
  }

  /** The flag's value when given, even empty (which clears the field); null when not given. */
  private static String ifSet(CliContext ctx, String flag) {
    return ctx.flags().isSet(flag) ? ctx.flags().string(flag) : null;
  }
}
