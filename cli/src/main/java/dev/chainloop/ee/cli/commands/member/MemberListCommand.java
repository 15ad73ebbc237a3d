package dev.chainloop.ee.cli.commands.member;

import dev.chainloop.ee.cli.client.model.MemberPage;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.ListCommand;
import dev.chainloop.ee.cli.output.Listing;
import dev.chainloop.ee.cli.output.Paging;

public final class MemberListCommand extends ListCommand {
  @Override
  public String shortDescription() {
    return "List the members of the current organization";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("email", "filter by member email");
    flags.string("role", "filter by " + Roles.HELP);
    Paging.defineFlags(flags);
  }

  @Override
  public void run(CliContext ctx) {
    String role = ctx.flags().nonBlank("role").map(Roles::check).orElse("");
    Paging.Requested paging = Paging.requested(ctx);
    MemberPage response =
        ctx.api().members(ctx.flags().string("email").trim(), role, paging.page(), paging.limit());
    Listing.printPage(
        ctx,
        response,
        response.items(),
        "there are no members matching the criteria",
        MemberView::members);
  }
}
