package dev.chainloop.ee.cli.commands.discover;

import dev.chainloop.ee.cli.client.model.Referrer;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.output.Paging;
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
    flags
        .string("digest", "hash of the attestation, material or subject, sha256:<hex>")
        .shorthand("d")
        .required();
    flags
        .string("kind", "only referrers of this kind, e.g. ATTESTATION, ARTIFACT, SUBJECT")
        .shorthand("k");
    Paging.defineCursorFlags(flags, "referrers", 20);
  }

  @Override
  public void run(CliContext ctx) {
    Referrer found =
        ctx.api()
            .discover(
                ctx.flags().string("digest").trim(),
                ctx.flags().string("kind").trim(),
                ctx.flags().integer("limit"),
                Paging.nextCursor(ctx));
    ctx.printJson(found);
    Paging.reportNext(ctx, found.nextCursor());
  }
}
