package dev.chainloop.ee.cli.commands.policy;

import dev.chainloop.ee.cli.client.model.Policy;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Table;

public final class PolicyDescribeCommand extends LeafCommand {
  private final PolicyKind kind;

  public PolicyDescribeCommand(PolicyKind kind) {
    this.kind = kind;
  }

  @Override
  public String name() {
    return "describe";
  }

  @Override
  public String shortDescription() {
    return "Describe a " + kind.noun + ": its details and document at one revision";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("name", kind.noun + " name").required();
    flags
        .integer("revision", "revision of the " + kind.noun + " to show, latest by default")
        .defaultValue("0");
  }

  @Override
  public void run(CliContext ctx) {
    Policy p =
        kind.describe(
            ctx.api(), ctx.flags().string("name").trim(), ctx.flags().integer("revision"));
    if (ctx.jsonOutput()) {
      ctx.printJson(p);
      return;
    }
    ctx.print(
        Table.describe()
            .row("Name", p.name())
            .row("Description", p.description())
            .row("Source", p.builtin() ? "built-in" : "organization")
            .row(
                "Revision",
                p.revision().map(String::valueOf).orElse("")
                    + " (latest "
                    + p.latestRevision().map(String::valueOf).orElse("")
                    + ")")
            .row("Created At", p.builtin() ? "" : Dates.rfc822(p.createdAt())));
    ctx.out().println(p.body());
  }
}
