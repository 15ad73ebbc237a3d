package dev.chainloop.ee.cli.commands.organization;

import dev.chainloop.ee.cli.client.model.Membership;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Table;
import java.util.List;

/** The caller's memberships: lookup by organization name and the list table. */
final class Memberships {
  private Memberships() {}

  static Membership byOrganization(CliContext ctx, String orgName) {
    return ctx.api().memberships().stream()
        .filter(m -> orgName.equals(m.organization().name()))
        .findFirst()
        .orElseThrow(
            () -> new CliException("you are not a member of the organization \"" + orgName + "\""));
  }

  static Table table(List<Membership> memberships) {
    Table t = Table.withHeader("Name", "Current", "Default", "Role", "Joined At");
    for (Membership m : memberships) {
      t.row(
          m.organization().name(),
          m.current(),
          m.isDefault(),
          m.role(),
          Dates.rfc822(m.joinedAt()));
    }
    return t;
  }
}
