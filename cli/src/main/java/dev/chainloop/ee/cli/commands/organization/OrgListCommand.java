package dev.chainloop.ee.cli.commands.organization;

import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.ListCommand;
import dev.chainloop.ee.cli.output.Listing;

public final class OrgListCommand extends ListCommand {
  @Override
  public String shortDescription() {
    return "List the organizations this user has access to";
  }

  @Override
  public void run(CliContext ctx) {
    Listing.print(
        ctx,
        ctx.api().memberships(),
        "you are not part of any organization, please run \"chainloop organization create --name ORG_NAME\" to create one",
        Memberships::table);
  }
}
