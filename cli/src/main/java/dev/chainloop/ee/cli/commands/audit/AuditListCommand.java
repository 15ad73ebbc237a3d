package dev.chainloop.ee.cli.commands.audit;

import dev.chainloop.ee.cli.client.model.AuditEvent;
import dev.chainloop.ee.cli.client.model.AuditEventPage;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Paging;
import dev.chainloop.ee.cli.output.Table;
import java.util.List;

public final class AuditListCommand extends LeafCommand {
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
    List<AuditEvent> events = response.items();
    if (ctx.jsonOutput()) {
      ctx.printJson(response);
      return;
    }
    if (events.isEmpty()) {
      ctx.out().println("there are no audit events");
      return;
    }
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
    ctx.print(t);
    Paging.report(ctx, response, events.size());
  }
}
