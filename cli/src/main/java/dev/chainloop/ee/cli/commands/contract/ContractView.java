package dev.chainloop.ee.cli.commands.contract;

import static dev.chainloop.ee.cli.client.Json.obj;
import static dev.chainloop.ee.cli.client.Json.str;

import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Table;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.stream.Collectors;

/** Rendering shared by the contract verbs. */
final class ContractView {
  private ContractView() {}

  static String scope(JsonObject c) {
    String project = str(c, "project");
    return project.isEmpty() ? "org" : "project/" + project;
  }

  static Table list(List<JsonObject> contracts) {
    Table t =
        Table.withHeader(
            "Name", "Latest Revision", "Created At", "Updated At", "# Workflows", "Scope");
    for (JsonObject c : contracts) {
      t.row(
          str(c, "name"),
          str(c, "latestRevision"),
          Dates.rfc822(str(c, "createdAt")),
          Dates.rfc822(str(c, "updatedAt")),
          str(c, "workflowsCount"),
          scope(c));
    }
    return t;
  }

  /** The describe output: a "Contract" table and one with the raw body; or the body alone. */
  static void print(CliContext ctx, JsonObject c) {
    JsonObject revision = obj(c, "revision");
    switch (ctx.outputFormat()) {
      case "json" -> ctx.printJson(c);
      case "schema" -> ctx.out().print(str(revision, "rawBody"));
      default -> {
        String workflows =
            c.containsKey("workflows")
                ? c.getJsonArray("workflows").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString)
                    .collect(Collectors.joining("\n"))
                : "";
        ctx.print(
            Table.describe()
                .title("Contract")
                .row("Name", str(c, "name"))
                .row("Scope", scope(c))
                .row("Description", str(c, "description"))
                .row("Associated Workflows", workflows)
                .row("Revision number", str(revision, "revision"))
                .row("Revision Created At", Dates.rfc822(str(revision, "createdAt"))));
        ctx.print(Table.describe().row(str(revision, "rawBody").stripTrailing()));
      }
    }
  }
}
