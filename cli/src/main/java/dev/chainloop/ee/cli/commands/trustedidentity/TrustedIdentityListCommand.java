package dev.chainloop.ee.cli.commands.trustedidentity;

import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.ListCommand;
import dev.chainloop.ee.cli.output.Listing;

public final class TrustedIdentityListCommand extends ListCommand {
  @Override
  public String shortDescription() {
    return "List the CI identities this organization trusts";
  }

  @Override
  public void run(CliContext ctx) {
    Listing.print(
        ctx,
        ctx.api().trustedIdentities(),
        "there are no trusted identities in this org",
        TrustedIdentityView::table);
  }
}
