package dev.chainloop.ee.cli.commands.organization;

import dev.chainloop.ee.cli.client.model.Organization;
import dev.chainloop.ee.cli.client.model.UpdateOrganizationRequest;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.Durations;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.NamedCommand;
import dev.chainloop.ee.cli.framework.UsageException;
import java.util.Locale;

public final class OrgUpdateCommand extends NamedCommand {
  public OrgUpdateCommand() {
    super("organization name");
  }

  @Override
  public String name() {
    return "update";
  }

  @Override
  public String shortDescription() {
    return "Update an existing organization";
  }

  @Override
  protected void defineOtherFlags(FlagSet flags) {
    flags.integer(
        "api-token-max-days-inactive",
        "revoke API tokens unused for this many days (0-365, 0 disables)");
    flags.duration("api-token-max-lifetime", "maximum lifetime of new API tokens, e.g. 720h, 30d");
    flags.bool("block", "set the default policy violation blocking strategy (ENFORCED)");
    flags.string(
        "policy-strategy",
        "ADVISORY (only gated policies block a push) or ENFORCED (any violation does)");
    flags.bool(
        "block-attestations-on-released-versions",
        "reject new attestations pushed to project versions that are already released");
  }

  @Override
  protected void run(CliContext ctx, String name) {
    Integer maxDaysInactive = null;
    if (ctx.flags().isSet("api-token-max-days-inactive")) {
      int days = ctx.flags().integer("api-token-max-days-inactive");
      if (days < 0 || days > 365) {
        throw new UsageException("--api-token-max-days-inactive must be between 0 and 365");
      }
      maxDaysInactive = days;
    }
    String maxLifetime = null;
    if (ctx.flags().isSet("api-token-max-lifetime")) {
      maxLifetime = Durations.toWire(Durations.parse(ctx.flags().string("api-token-max-lifetime")));
    }
    Boolean block = ctx.flags().bool("block") ? Boolean.TRUE : null;
    if (ctx.flags().nonBlank("policy-strategy").isPresent()) {
      String strategy = ctx.flags().string("policy-strategy").trim().toUpperCase(Locale.ROOT);
      if (!strategy.equals("ADVISORY") && !strategy.equals("ENFORCED")) {
        throw new UsageException("--policy-strategy must be ADVISORY or ENFORCED");
      }
      if (block != null && strategy.equals("ADVISORY")) {
        throw new UsageException("--block and --policy-strategy ADVISORY contradict each other");
      }
      block = strategy.equals("ENFORCED");
    }
    // Only a flag given is sent, so --block-attestations-on-released-versions=false turns it off.
    Boolean blockReleased =
        ctx.flags().isSet("block-attestations-on-released-versions")
            ? ctx.flags().bool("block-attestations-on-released-versions")
            : null;
    if (maxDaysInactive == null && maxLifetime == null && block == null && blockReleased == null) {
      throw new UsageException("nothing to update, set at least one of the optional flags");
    }
    Organization org =
        ctx.api()
            .updateOrganization(
                name,
                new UpdateOrganizationRequest(maxDaysInactive, maxLifetime, block, blockReleased));
    if (ctx.jsonOutput()) {
      ctx.printJson(org);
    }
    ctx.log().info("Organization updated!");
  }
}
