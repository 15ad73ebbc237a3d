package dev.chainloop.ee.cli.commands.organization;

import dev.chainloop.ee.cli.client.model.Membership;
import dev.chainloop.ee.cli.config.ConfigFile;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;

public final class OrgSetCommand extends LeafCommand {
  @Override
  public String name() {
    return "set";
  }

  @Override
  public String shortDescription() {
    return "Set the current organization to be used by this CLI";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("name", "organization name to make the current one").required();
    flags.bool("default", "also make this organization the default one for your user");
  }

  @Override
  public void run(CliContext ctx) {
    String name = ctx.flags().string("name").trim();
    Membership membership = Memberships.byOrganization(ctx, name);
    if (ctx.flags().bool("default")) {
      ctx.api().makeDefault(membership.id());
    }
    ctx.config().set(ConfigFile.ORGANIZATION, name);
    ctx.config().save();
    ctx.log().info("Organization switched!");
  }
}
