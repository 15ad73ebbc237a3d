package dev.chainloop.ee.cli.commands.organization;

import dev.chainloop.ee.cli.config.ConfigFile;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.NamedCommand;

public final class OrgDeleteCommand extends NamedCommand {
  public OrgDeleteCommand() {
    super("organization name");
  }

  @Override
  public String name() {
    return "delete";
  }

  @Override
  public String shortDescription() {
    return "Delete an organization (owners only)";
  }

  @Override
  protected void run(CliContext ctx, String name) {
    if (!ctx.confirm(
        "You are about to delete the organization \"" + name + "\" and all its data.")) {
      ctx.log().info("Deletion cancelled");
      return;
    }
    ctx.api().deleteOrganization(name);
    forgetIfCurrent(ctx, name);
    ctx.log().info("Organization \"" + name + "\" deleted!");
  }

  /** A stale local org would make every later request fail with "not a member". */
  static void forgetIfCurrent(CliContext ctx, String name) {
    if (ctx.config().getString(ConfigFile.ORGANIZATION).map(name::equals).orElse(false)) {
      ctx.config().remove(ConfigFile.ORGANIZATION);
      ctx.config().save();
    }
  }
}
