package dev.chainloop.ee.cli.commands.contract;

import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;

public final class ContractDeleteCommand extends LeafCommand {
  @Override
  public String name() {
    return "delete";
  }

  @Override
  public String shortDescription() {
    return "Delete a contract that no workflow uses";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("name", "contract name").required();
  }

  @Override
  public void run(CliContext ctx) {
    String name = ctx.flags().string("name").trim();
    ctx.api().deleteContract(name);
    ctx.log().info("Contract deleted!");
  }
}
