package dev.chainloop.ee.cli.commands.member;

import dev.chainloop.ee.cli.client.model.Invitation;
import dev.chainloop.ee.cli.client.model.Member;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Table;
import java.util.List;

final class MemberView {
  private MemberView() {}

  static Table members(List<Member> members) {
    Table t = Table.withHeader("ID", "Email", "Role", "Joined At");
    for (Member m : members) {
      t.row(m.id(), m.user().email(), m.role(), Dates.rfc822(m.joinedAt()));
    }
    return t;
  }

  static Table invitations(List<Invitation> invitations) {
    Table t = Table.withHeader("ID", "Receiver Email", "Role", "Status", "Created At");
    for (Invitation i : invitations) {
      t.row(i.id(), i.receiverEmail(), i.role(), i.status(), Dates.rfc822(i.createdAt()));
    }
    return t;
  }
}
