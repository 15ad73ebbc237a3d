package dev.chainloop.ee.cli.commands.contract;

import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.ListCommand;
import dev.chainloop.ee.cli.output.Listing;

public final class ContractListCommand extends ListCommand {
  @Override
  public String shortDescription() {
    return "List contracts";
  }

  @Override
  public void run(CliContext ctx) {
    Listing.print(ctx, ctx.api().contracts(), "there are no contracts yet", ContractView::list);
  }
}
