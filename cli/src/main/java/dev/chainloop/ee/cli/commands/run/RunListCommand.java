package dev.chainloop.ee.cli.commands.run;

import dev.chainloop.ee.cli.client.model.Run;
import dev.chainloop.ee.cli.client.model.RunPage;
import dev.chainloop.ee.cli.client.model.WorkflowRef;
import dev.chainloop.ee.cli.commands.workflow.WorkflowView;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.ListCommand;
import dev.chainloop.ee.cli.framework.UsageException;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Paging;
import dev.chainloop.ee.cli.output.Table;

public final class RunListCommand extends ListCommand {
  @Override
  public String shortDescription() {
    return "List workflow runs";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("workflow", "workflow name");
    flags.string("project", "project name");
    flags.string("version", "project version name, e.g. v1.2.0 (requires --project)");
    flags.string("status", "filter by status: INITIALIZED, SUCCEEDED, FAILED, CANCELLED, EXPIRED");
    flags.string(
        "policy-status", "filter by policy violations status: all, failed, passed, bypassed");
    Paging.defineCursorFlags(flags, "runs", 50);
  }

  @Override
  public void run(CliContext ctx) {
    String version = ctx.flags().string("version").trim();
    // A version name is unique only within a project.
    if (!version.isEmpty() && ctx.flags().string("project").isBlank()) {
      throw new UsageException("--project is required when --version is set");
    }
    RunPage page =
        ctx.api()
            .runs(
                ctx.flags().string("workflow").trim(),
                ctx.flags().string("project").trim(),
                version,
                ctx.flags().string("status").trim(),
                ctx.flags().string("policy-status").trim(),
                Paging.nextCursor(ctx),
                ctx.flags().integer("limit"));
    if (ctx.jsonOutput()) {
      ctx.printJson(page);
      return;
    }
    Table t =
        Table.withHeader(
            "ID", "Workflow", "Version", "State", "Policy Status", "Created At", "Runner");
    for (Run r : page.items()) {
      WorkflowRef wf = r.workflow();
      t.row(
          r.id(),
          wf.project() + "/" + wf.name(),
          r.version().label(),
          WorkflowView.runStatus(r.status()),
          r.policyStatus().orElse(""),
          Dates.rfc822(r.createdAt()),
          WorkflowView.runner(r.runnerType()));
    }
    ctx.print(t);
    Paging.reportNext(ctx, page.nextCursor());
  }
}
