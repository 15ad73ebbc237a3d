package dev.chainloop.ee.cli.commands.workflow;

import dev.chainloop.ee.cli.client.model.LastRun;
import dev.chainloop.ee.cli.client.model.Workflow;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.framework.UsageException;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Table;

public final class WorkflowDescribeCommand extends LeafCommand {
  @Override
  public String name() {
    return "describe";
  }

  @Override
  public String shortDescription() {
    return "Describe a workflow, by name and project or by id";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("name", "workflow name");
    flags.string("project", "project name");
    flags.string("id", "workflow id");
  }

  @Override
  public void run(CliContext ctx) {
    Workflow wf;
    if (ctx.flags().nonBlank("id").isPresent()) {
      wf = ctx.api().workflow(ctx.flags().string("id").trim());
    } else if (ctx.flags().nonBlank("name").isPresent()) {
      wf =
          WorkflowView.find(
              ctx, ctx.flags().string("name").trim(), ctx.flags().string("project").trim());
    } else {
      throw new UsageException("either --name (with --project) or --id is required");
    }
    if (ctx.jsonOutput()) {
      ctx.printJson(wf);
      return;
    }
    LastRun run = wf.lastRun();
    Table t =
        Table.describe()
            .title("Workflow")
            .row("ID", wf.id())
            .row("Name", wf.name())
            .row("Project", wf.project())
            .row("Description", wf.description())
            .row("Team", wf.team())
            .row("Contract", wf.contractName())
            .row("Contract Revision", wf.contractRevisionLatest())
            .row("Runs", wf.runsCount())
            .row("Created At", Dates.rfc822(wf.createdAt()))
            .row("Runner", run.isEmpty() ? "" : WorkflowView.runner(run.runnerType()))
            .row("Last Run Status", run.isEmpty() ? "" : WorkflowView.state(run.state()));
    ctx.print(t);
  }
}
