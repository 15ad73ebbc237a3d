package dev.chainloop.ee.cli.commands.workflow;

import static dev.chainloop.ee.cli.client.Json.str;

import dev.chainloop.ee.cli.client.ApiClient;
import dev.chainloop.ee.cli.client.Json;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.framework.UsageException;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Table;
import jakarta.json.JsonObject;

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
    JsonObject wf;
    if (ctx.flags().nonBlank("id").isPresent()) {
      wf =
          Json.asObject(
              ctx.api()
                  .get("/api/v1/workflows/" + ApiClient.segment(ctx.flags().string("id").trim())));
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
    JsonObject run = Json.obj(wf, "lastRun");
    Table t =
        Table.describe()
            .title("Workflow")
            .row("ID", str(wf, "id"))
            .row("Name", str(wf, "name"))
            .row("Project", str(wf, "project"))
            .row("Description", str(wf, "description"))
            .row("Team", str(wf, "team"))
            .row("Contract", str(wf, "contractName"))
            .row("Contract Revision", str(wf, "contractRevisionLatest"))
            .row("Runs", str(wf, "runsCount"))
            .row("Created At", Dates.rfc822(str(wf, "createdAt")))
            .row("Runner", run.isEmpty() ? "" : WorkflowView.runner(str(run, "runnerType")))
            .row("Last Run Status", run.isEmpty() ? "" : WorkflowView.state(str(run, "state")));
    ctx.print(t);
  }
}
