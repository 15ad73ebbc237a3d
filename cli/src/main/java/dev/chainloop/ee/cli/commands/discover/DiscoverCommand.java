package dev.chainloop.ee.cli.commands.discover;

import dev.chainloop.ee.cli.client.ApiClient;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import java.util.List;

public final class DiscoverCommand extends LeafCommand {
  @Override
  public String name() {
    return "discover";
  }

  @Override
  public String shortDescription() {
    return "inspect pieces of evidence or artifacts stored through Chainloop (JSON)";
  }

  @Override
  public List<String> outputFormats() {
    return List.of("json");
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("digest", "hash of the attestation, material or subject, sha256:<hex>").shorthand("d").required();
  }

  @Override
  public void run(CliContext ctx) {
    ctx.printJson(ctx.api().get("/api/v1/discover/" + ApiClient.segment(ctx.flags().string("digest").trim())));
  }
}
