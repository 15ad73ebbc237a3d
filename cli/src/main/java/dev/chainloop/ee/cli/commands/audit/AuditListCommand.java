package dev.chainloop.ee.cli.commands.audit;

import dev.chainloop.ee.cli.client.model.AuditEvent;
import dev.chainloop.ee.cli.client.model.AuditEventPage;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.ListCommand;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Listing;
import dev.chainloop.ee.cli.output.Paging;
import dev.chainloop.ee.cli.output.Table;
import java.util.List;

public final class AuditListCommand extends ListCommand {
  @Override
  public String shortDescription() {
    return "List audit events of the current organization";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    Paging.defineFlags(flags);
  }

  @Override
  public void run(CliContext ctx) {
    Paging.Requested paging = Paging.requested(ctx);
    AuditEventPage response = ctx.api().auditEvents(paging.page(), paging.limit());
    Listing.printPage(
        ctx, response, response.items(), "there are no audit events", AuditListCommand::table);
  }

  private static Table table(List<AuditEvent> events) {
    Table t = Table.withHeader("Time", "Action", "Actor", "Target", "Detail");
    for (AuditEvent e : events) {
      String type = e.targetType();
      String id = e.targetId();
      t.row(
          Dates.rfc822(e.occurredAt()),
          e.action(),
          e.actor(),
          type.isEmpty() ? id : id.isEmpty() ? type : type + "/" + id,
          e.detail());
    }
    return t;
  }
}
