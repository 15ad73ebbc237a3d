package dev.chainloop.ee.cli.commands.contract;

import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.framework.UsageException;
import java.util.List;

public final class ContractDescribeCommand extends LeafCommand {
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
    return List.of("table", "json", "schema");
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("name", "contract name").required();
    flags
        .integer("revision", "revision of the contract to retrieve, by default the latest")
        .defaultValue("0");
  }

  @Override
  public void run(CliContext ctx) {
    int revision = ctx.flags().integer("revision");
    if (revision < 0) {
      throw new UsageException("--revision must be 0 (latest) or more");
    }
    ContractView.print(ctx, ctx.api().contract(ctx.flags().string("name").trim(), revision));
  }
}
