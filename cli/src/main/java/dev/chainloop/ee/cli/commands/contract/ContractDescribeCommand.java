package dev.chainloop.ee.cli.commands.contract;

import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.NamedCommand;
import dev.chainloop.ee.cli.framework.UsageException;
import java.util.List;

public final class ContractDescribeCommand extends NamedCommand {
  public ContractDescribeCommand() {
    super("contract name");
  }

  @Override
  public String name() {
    return "describe";
  }

  @Override
  public String shortDescription() {
    return "Describe a contract and one of its revisions";
  }

  @Override
  public List<String> outputFormats() {
    return ContractView.OUTPUT_FORMATS;
  }

  @Override
  protected void defineOtherFlags(FlagSet flags) {
    flags
        .integer("revision", "revision of the contract to retrieve, by default the latest")
        .defaultValue("0");
  }

  @Override
  protected void run(CliContext ctx, String name) {
    int revision = ctx.flags().integer("revision");
    if (revision < 0) {
      throw new UsageException("--revision must be 0 (latest) or more");
    }
    ContractView.print(ctx, ctx.api().contract(name, revision));
  }
}
