package dev.chainloop.ee.cli.commands.member;

import dev.chainloop.ee.cli.client.Json;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Table;
import jakarta.json.JsonObject;
import java.util.List;

final class MemberView {
  private MemberView() {}

  static Table members(List<JsonObject> members) {
    Table t = Table.withHeader("ID", "Email", "Role", "Joined At");
    for (JsonObject m : members) {
      t.row(
          Json.str(m, "id"),
          Json.str(Json.obj(m, "user"), "email"),
          Json.str(m, "role"),
          Dates.rfc822(Json.str(m, "joinedAt")));
    }
    return t;
  }

  static Table invitations(List<JsonObject> invitations) {
    Table t = Table.withHeader("ID", "Receiver Email", "Role", "Status", "Created At");
    for (JsonObject i : invitations) {
      t.row(
          Json.str(i, "id"),
          Json.str(i, "receiverEmail"),
          Json.str(i, "role"),
          Json.str(i, "status"),
          Dates.rfc822(Json.str(i, "createdAt")));
    }
    return t;
  }
}
