package dev.chainloop.ee.cli.commands.contract;

import dev.chainloop.ee.cli.client.Json;
import dev.chainloop.ee.cli.commands.workflow.ContractSource;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.framework.UsageException;
import jakarta.json.JsonObjectBuilder;
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
    return List.of("table", "json", "schema");
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
    JsonObjectBuilder body = Json.object();
    ctx.flags().nonBlank("name").ifPresent(n -> body.add("name", n.trim()));
    ctx.flags().nonBlank("description").ifPresent(d -> body.add("description", d));
    ctx.flags().nonBlank("project").ifPresent(p -> body.add("project", p.trim()));
    ctx.flags()
        .nonBlank("contract")
        .ifPresent(f -> body.add("body", ContractSource.require(f.trim())));
    if (ctx.flags().nonBlank("name").isEmpty() && ctx.flags().nonBlank("contract").isEmpty()) {
      throw new UsageException("--name or --contract is required");
    }
    ContractView.print(
        ctx, Json.asObject(ctx.api().post("/api/v1/workflow-contracts", body.build())));
  }
}
