package dev.chainloop.ee.cli.commands.contract;

import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.NamedCommand;

public final class ContractDeleteCommand extends NamedCommand {
  public ContractDeleteCommand() {
    super("contract name");
  }

  @Override
  public String name() {
    return "delete";
  }

  @Override
  public String shortDescription() {
    return "Delete a contract that no workflow uses";
  }

  @Override
  protected void run(CliContext ctx, String name) {
    ctx.api().deleteContract(name);
    ctx.log().info("Contract deleted!");
  }
}
