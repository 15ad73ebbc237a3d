package dev.chainloop.ee.cli.commands.organization;

import dev.chainloop.ee.cli.client.Json;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Table;
import jakarta.json.JsonObject;
import java.util.List;

/** The caller's memberships: lookup by organization name and the list table. */
final class Memberships {
  private Memberships() {}

  static List<JsonObject> list(CliContext ctx) {
    return Json.objects(Json.items(ctx.api().get("/api/v1/memberships")));
  }

  static JsonObject byOrganization(CliContext ctx, String orgName) {
    return list(ctx).stream()
        .filter(m -> orgName.equals(Json.str(Json.obj(m, "organization"), "name")))
        .findFirst()
        .orElseThrow(
            () -> new CliException("you are not a member of the organization \"" + orgName + "\""));
  }

  static Table table(List<JsonObject> memberships) {
    Table t = Table.withHeader("Name", "Current", "Default", "Role", "Joined At");
    for (JsonObject m : memberships) {
      t.row(
          Json.str(Json.obj(m, "organization"), "name"),
          Json.bool(m, "current"),
          Json.bool(m, "default"),
          Json.str(m, "role"),
          Dates.rfc822(Json.str(m, "joinedAt")));
    }
    return t;
  }
}
