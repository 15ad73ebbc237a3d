package dev.chainloop.ee.cli.commands.apitoken;

import static dev.chainloop.ee.cli.client.Json.obj;
import static dev.chainloop.ee.cli.client.Json.str;

import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Table;
import jakarta.json.JsonObject;
import java.util.List;

/** Table rendering shared by the api-token verbs. */
final class ApiTokenView {
  private ApiTokenView() {}

  static Table table(List<JsonObject> tokens, boolean withStatus) {
    Table t =
        withStatus
            ? Table.withHeader(
                "ID",
                "Name",
                "Scope",
                "Description",
                "Created At",
                "Expires At",
                "Revoked At",
                "Last Used At",
                "Status")
            : Table.withHeader(
                "ID",
                "Name",
                "Scope",
                "Description",
                "Created At",
                "Expires At",
                "Revoked At",
                "Last Used At");
    for (JsonObject token : tokens) {
      Object[] cells = {
        str(token, "id"),
        str(token, "name"),
        scope(token),
        str(token, "description"),
        Dates.rfc822(str(token, "createdAt")),
        Dates.rfc822(str(token, "expiresAt")),
        Dates.rfc822(str(token, "revokedAt")),
        Dates.rfc822(str(token, "lastUsedAt")),
        str(token, "status")
      };
      t.row(withStatus ? cells : java.util.Arrays.copyOf(cells, 8));
    }
    return t;
  }

  static String scope(JsonObject token) {
    String scope = str(token, "scope");
    if (!scope.isEmpty()) {
      return scope;
    }
    String project = str(obj(token, "project"), "name");
    return project.isEmpty() ? "global" : "project/" + project;
  }
}
