package dev.chainloop.ee.cli.commands.member;

import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.ListCommand;
import dev.chainloop.ee.cli.output.Listing;

public final class InvitationListCommand extends ListCommand {
  @Override
  public String shortDescription() {
    return "List sent invitations";
  }

  @Override
  public void run(CliContext ctx) {
    Listing.print(
        ctx, ctx.api().invitations(), "there are no sent invitations", MemberView::invitations);
  }
}
