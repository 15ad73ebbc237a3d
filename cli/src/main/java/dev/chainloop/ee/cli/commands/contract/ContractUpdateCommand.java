package dev.chainloop.ee.cli.commands.contract;

import dev.chainloop.ee.cli.client.ApiClient;
import dev.chainloop.ee.cli.client.Json;
import dev.chainloop.ee.cli.commands.workflow.ContractSource;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.framework.UsageException;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

public final class ContractUpdateCommand extends LeafCommand {
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
    return List.of("table", "json", "schema");
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("name", "contract name").required();
    flags.string("contract", "path or URL to the contract file (YAML or JSON)").shorthand("f");
    flags.string("description", "description of the contract");
  }

  @Override
  public void run(CliContext ctx) {
    JsonObjectBuilder body = Json.object();
    if (ctx.flags().isSet("description")) {
      body.add("description", ctx.flags().string("description"));
    }
    ctx.flags()
        .nonBlank("contract")
        .ifPresent(f -> body.add("body", ContractSource.require(f.trim())));
    if (!ctx.flags().isSet("description") && ctx.flags().nonBlank("contract").isEmpty()) {
      throw new UsageException("nothing to update: pass --contract or --description");
    }
    ContractView.print(
        ctx,
        Json.asObject(
            ctx.api()
                .patch(
                    "/api/v1/workflow-contracts/"
                        + ApiClient.segment(ctx.flags().string("name").trim()),
                    body.build())));
  }
}
