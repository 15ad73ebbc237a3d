package dev.chainloop.ee.cli.commands.workflow;

import dev.chainloop.ee.cli.client.model.ApiObject;
import dev.chainloop.ee.cli.client.model.Workflow;
import dev.chainloop.ee.cli.client.model.WorkflowPage;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.ListCommand;
import dev.chainloop.ee.cli.output.Listing;
import dev.chainloop.ee.cli.output.Paging;
import jakarta.json.Json;
import java.util.List;

public final class WorkflowListCommand extends ListCommand {
  @Override
  public String shortDescription() {
    return "List existing workflows";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.bool("full", "show the full report");
    flags.string("project", "filter by project name");
    Paging.defineFlags(flags);
  }

  @Override
  public void run(CliContext ctx) {
    String project = ctx.flags().string("project").trim();
    Paging.Requested paging = Paging.requested(ctx);
    WorkflowPage response = ctx.api().workflows(project, paging.page(), paging.limit());
    List<Workflow> workflows = response.items();
    if (ctx.jsonOutput()) {
      // Chainloop's shape: {"workflows": [...], "pagination": {...}}
      ctx.printJson(
          Json.createObjectBuilder()
              .add("workflows", ApiObject.array(workflows))
              .add(
                  "pagination",
                  Json.createObjectBuilder()
                      .add("page", response.page().orElse(0))
                      .add("pageSize", response.pageSize().orElse(0))
                      .add("totalPages", response.totalPages().orElse(0))
                      .add("totalCount", response.totalCount().orElse(0L)))
              .build());
      return;
    }
    boolean full = ctx.flags().bool("full");
    Listing.printPage(
        ctx, response, workflows, "there are no workflows yet", w -> WorkflowView.table(w, full));
  }
}
