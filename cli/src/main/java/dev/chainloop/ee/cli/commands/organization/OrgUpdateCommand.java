package dev.chainloop.ee.cli.commands.organization;

import dev.chainloop.ee.cli.client.ApiClient;
import dev.chainloop.ee.cli.client.Json;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.Durations;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.framework.UsageException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

public final class OrgUpdateCommand extends LeafCommand {
  @Override
  public String name() {
    return "update";
  }

  @Override
  public String shortDescription() {
    return "Update an existing organization";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("name", "organization name").required();
    flags.integer(
        "api-token-max-days-inactive",
        "revoke API tokens unused for this many days (0-365, 0 disables)");
    flags.duration("api-token-max-lifetime", "maximum lifetime of new API tokens, e.g. 720h, 30d");
  }

  @Override
  public void run(CliContext ctx) {
    JsonObjectBuilder body = Json.object();
    boolean changed = false;
    if (ctx.flags().isSet("api-token-max-days-inactive")) {
      int days = ctx.flags().integer("api-token-max-days-inactive");
      if (days < 0 || days > 365) {
        throw new UsageException("--api-token-max-days-inactive must be between 0 and 365");
      }
      body.add("apiTokenMaxDaysInactive", days);
      changed = true;
    }
    if (ctx.flags().isSet("api-token-max-lifetime")) {
      body.add(
          "apiTokenMaxLifetime",
          Durations.toWire(Durations.parse(ctx.flags().string("api-token-max-lifetime"))));
      changed = true;
    }
    if (!changed) {
      throw new UsageException("nothing to update, set at least one of the optional flags");
    }
    String name = ctx.flags().string("name").trim();
    JsonObject org =
        Json.asObject(
            ctx.api().patch("/api/v1/organizations/" + ApiClient.segment(name), body.build()));
    if (ctx.jsonOutput()) {
      ctx.printJson(org);
    }
    ctx.log().info("Organization updated!");
  }
}
