package dev.chainloop.ee.cli.commands.policy;

import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;

public final class PolicyDeleteCommand extends LeafCommand {
  @Override
  public String name() {
    return "delete";
  }

  @Override
  public String shortDescription() {
    return "Delete a policy of the organization";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("name", "policy name").required();
  }

  @Override
  public void run(CliContext ctx) {
    ctx.api().deletePolicy(ctx.flags().string("name").trim());
    ctx.log().info("Policy deleted!");
  }
}
