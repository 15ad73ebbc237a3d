package dev.chainloop.ee.cli.commands.contract;

import dev.chainloop.ee.cli.client.ApiClient;
import dev.chainloop.ee.cli.client.Json;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.framework.UsageException;
import java.util.List;
import java.util.Map;

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
    ContractView.print(
        ctx,
        Json.asObject(
            ctx.api()
                .get(
                    "/api/v1/workflow-contracts/"
                        + ApiClient.segment(ctx.flags().string("name").trim()),
                    Map.of("revision", Integer.toString(revision)))));
  }
}
