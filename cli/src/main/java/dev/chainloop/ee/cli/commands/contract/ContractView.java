package dev.chainloop.ee.cli.commands.contract;

import dev.chainloop.ee.cli.client.model.Contract;
import dev.chainloop.ee.cli.client.model.ContractRevision;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Table;
import java.util.List;

/** Rendering shared by the contract verbs. */
final class ContractView {
  /** The {@code -o} values of the verbs that print one contract: {@code schema} is its raw body. */
  static final List<String> OUTPUT_FORMATS = List.of("table", "json", "schema");

  private ContractView() {}

  static String scope(Contract c) {
    String project = c.project();
    return project.isEmpty() ? "org" : "project/" + project;
  }

  static Table list(List<Contract> contracts) {
    Table t =
        Table.withHeader(
            "Name", "Latest Revision", "Created At", "Updated At", "# Workflows", "Scope");
    for (Contract c : contracts) {
      t.row(
          c.name(),
          c.latestRevision(),
          Dates.rfc822(c.createdAt()),
          Dates.rfc822(c.updatedAt()),
          c.workflowsCount(),
          scope(c));
    }
    return t;
  }

  /** The describe output: a "Contract" table and one with the raw body; or the body alone. */
  static void print(CliContext ctx, Contract c) {
    ContractRevision revision = c.revision();
    switch (ctx.outputFormat()) {
      case "json" -> ctx.printJson(c);
      case "schema" -> ctx.out().print(revision.rawBody());
      default -> {
        ctx.print(
            Table.describe()
                .title("Contract")
                .row("Name", c.name())
                .row("Scope", scope(c))
                .row("Description", c.description())
                .row("Associated Workflows", String.join("\n", c.workflows()))
                .row("Revision number", revision.revision())
                .row("Revision Created At", Dates.rfc822(revision.createdAt())));
        ctx.print(Table.describe().row(revision.rawBody().stripTrailing()));
      }
    }
  }
}
