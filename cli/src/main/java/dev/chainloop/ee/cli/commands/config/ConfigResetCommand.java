package dev.chainloop.ee.cli.commands.config;

import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.LeafCommand;

public final class ConfigResetCommand extends LeafCommand {
  @Override
  public String name() {
    return "reset";
  }

  @Override
  public String shortDescription() {
    return "Remove the config file, including the stored login";
  }

  @Override
  public void run(CliContext ctx) {
    if (ctx.config().delete()) {
      ctx.log().info("Config file " + ctx.config().path() + " removed");
    } else {
      ctx.log().info("No config file at " + ctx.config().path());
    }
  }
}
