package dev.chainloop.ee.cli.commands.contract;

import dev.chainloop.ee.cli.client.model.UpdateContractRequest;
import dev.chainloop.ee.cli.commands.workflow.ContractSource;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.NamedCommand;
import dev.chainloop.ee.cli.framework.UsageException;
import java.util.List;

public final class ContractUpdateCommand extends NamedCommand {
  public ContractUpdateCommand() {
    super("contract name");
  }

  @Override
  public String name() {
    return "update";
  }

  @Override
  public String shortDescription() {
    return "Update a contract; a changed body becomes a new revision";
  }

  @Override
  public List<String> outputFormats() {
    return ContractView.OUTPUT_FORMATS;
  }

  @Override
  protected void defineOtherFlags(FlagSet flags) {
    flags.string("contract", "path or URL to the contract file (YAML or JSON)").shorthand("f");
    flags.string("description", "description of the contract");
  }

  @Override
  protected void run(CliContext ctx, String name) {
    String description =
        ctx.flags().isSet("description") ? ctx.flags().string("description") : null;
    String body =
        ctx.flags().nonBlank("contract").map(f -> ContractSource.require(f.trim())).orElse(null);
    if (description == null && body == null) {
      throw new UsageException("nothing to update: pass --contract or --description");
    }
    ContractView.print(
        ctx, ctx.api().updateContract(name, new UpdateContractRequest(description, body)));
  }
}
