package dev.chainloop.ee.cli.commands.contract;

import dev.chainloop.ee.cli.client.model.CreateContractRequest;
import dev.chainloop.ee.cli.commands.workflow.ContractSource;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.framework.UsageException;
import java.util.List;

public final class ContractCreateCommand extends LeafCommand {
  @Override
  public String name() {
    return "create";
  }

  @Override
  public String shortDescription() {
    return "Create a new contract";
  }

  @Override
  public List<String> outputFormats() {
    return ContractView.OUTPUT_FORMATS;
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("name", "contract name; defaults to the file's metadata.name");
    flags.string("contract", "path or URL to the contract file (YAML or JSON)").shorthand("f");
    flags.string("description", "description of the contract");
    flags.string("project", "project to scope the contract to");
  }

  @Override
  public void run(CliContext ctx) {
    String body =
        ctx.flags().nonBlank("contract").map(f -> ContractSource.require(f.trim())).orElse(null);
    if (ctx.flags().nonBlank("name").isEmpty() && body == null) {
      throw new UsageException("--name or --contract is required");
    }
    ContractView.print(
        ctx,
        ctx.api()
            .createContract(
                new CreateContractRequest(
                    ctx.flags().nonBlank("name").map(String::trim).orElse(null),
                    ctx.flags().nonBlank("description").orElse(null),
                    ctx.flags().nonBlank("project").map(String::trim).orElse(null),
                    body)));
  }
}
