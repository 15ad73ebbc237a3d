package dev.chainloop.ee.cli.commands.integration;

import dev.chainloop.ee.cli.client.model.AvailableIntegration;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.output.Table;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

public final class AvailableIntegrationDescribeCommand extends LeafCommand {
  @Override
  public String name() {
    return "describe";
  }

  @Override
  public String shortDescription() {
    return "Describe integration";
  }

  @Override
  public String example() {
    return """
          chainloop integration available describe --name dependency-track""";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("name", "integration name").required();
    flags.bool("full", "show the full output including JSON schemas");
  }

  @Override
  public void run(CliContext ctx) {
    AvailableIntegration k = ctx.api().availableIntegration(ctx.flags().string("name").trim());
    if (ctx.jsonOutput()) {
      ctx.printJson(k);
      return;
    }
    ctx.print(
        Table.withHeader("Name", "Version", "Material Requirement", "Description")
            .row(k.name(), k.version(), String.join(", ", k.subscribedInputs()), k.description()));
    ctx.print(options(k.registrationSchema()).title("Registration inputs"));
    ctx.print(options(k.attachmentSchema()).title("Attachment inputs"));
    if (ctx.flags().bool("full")) {
      ctx.out().println("Registration JSON schema");
      ctx.out().println(k.registrationSchema());
      ctx.out().println("Attachment JSON schema");
      ctx.out().println(k.attachmentSchema());
    }
  }

  /** Upstream's table of a schema's properties. */
  private static Table options(JsonObject schema) {
    Table t = Table.withHeader("Field", "Type", "Required", "Description");
    JsonObject properties =
        schema.get("properties") instanceof JsonObject p ? p : JsonValue.EMPTY_JSON_OBJECT;
    var required = schema.containsKey("required") ? schema.getJsonArray("required") : null;
    properties.forEach(
        (name, v) -> {
          JsonObject p = v.asJsonObject();
          boolean req = required != null && required.contains(Json.createValue(name));
          String type =
              text(p, "type") + (p.containsKey("format") ? " (" + text(p, "format") + ")" : "");
          String def = p.containsKey("default") ? " (default: " + text(p, "default") + ")" : "";
          t.row(name, type, (req ? "yes" : "no") + def, text(p, "description"));
        });
    return t;
  }

  private static String text(JsonObject o, String key) {
    JsonValue v = o.get(key);
    return v instanceof JsonString s ? s.getString() : v == null ? "" : v.toString();
  }
}
