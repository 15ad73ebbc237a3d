package dev.chainloop.ee.cli.commands.workflow;

import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;

public final class RobotAccountRevokeCommand extends LeafCommand {
  @Override
  public String name() {
    return "revoke";
  }

  @Override
  public String shortDescription() {
    return "Revoke a robot account";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("id", "robot account id").required();
  }

  @Override
  public void run(CliContext ctx) {
    ctx.api().revokeRobotAccount(ctx.flags().string("id").trim());
    ctx.log().info("Robot account revoked!");
  }
}
