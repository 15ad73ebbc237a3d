package dev.chainloop.ee.cli.commands.trustedidentity;

import dev.chainloop.ee.cli.client.model.TrustedIdentity;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Table;
import java.util.List;

/** Table rendering shared by the trusted-identity verbs. */
final class TrustedIdentityView {
  private TrustedIdentityView() {}

  static Table table(List<TrustedIdentity> rules) {
    Table t = Table.withHeader("ID", "Issuer", "Audience", "Conditions", "Scope", "Created At");
    for (TrustedIdentity rule : rules) {
      t.row(
          rule.id(),
          rule.issuer(),
          rule.audience(),
          String.join("\n", rule.conditions()),
          rule.scope(),
          Dates.rfc822(rule.createdAt()));
    }
    return t;
  }
}
