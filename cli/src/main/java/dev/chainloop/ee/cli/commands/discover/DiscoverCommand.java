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
    flags
        .string("digest", "hash of the attestation, material or subject, sha256:<hex>")
        .shorthand("d")
        .required();
    flags
        .string("kind", "only referrers of this kind, e.g. ATTESTATION, ARTIFACT, SUBJECT")
        .shorthand("k");
    flags.integer("limit", "number of referrers per page").defaultValue("20");
    flags.string("next", "cursor to load the next page");
  }

  @Override
  public void run(CliContext ctx) {
    java.util.Map<String, String> q = new java.util.LinkedHashMap<>();
    q.put("kind", ctx.flags().string("kind").trim());
    q.put("limit", String.valueOf(ctx.flags().integer("limit")));
    q.put("next", ctx.flags().string("next").trim());
    jakarta.json.JsonValue found =
        ctx.api()
            .get("/api/v1/discover/" + ApiClient.segment(ctx.flags().string("digest").trim()), q);
    ctx.printJson(found);
    if (found instanceof jakarta.json.JsonObject o) {
      dev.chainloop.ee.cli.client.Json.opt(o, "nextCursor")
          .ifPresent(c -> ctx.log().info("--next " + c));
    }
  }
}
