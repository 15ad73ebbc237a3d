package dev.chainloop.ee.cli.commands.policy;

import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;

public final class PolicyDeleteCommand extends LeafCommand {
  private final PolicyKind kind;

  public PolicyDeleteCommand(PolicyKind kind) {
    this.kind = kind;
  }

  @Override
  public String name() {
    return "delete";
  }

  @Override
  public String shortDescription() {
    return "Delete a " + kind.noun + " of the organization";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("name", kind.noun + " name").required();
  }

  @Override
  public void run(CliContext ctx) {
    kind.delete(ctx.api(), ctx.flags().string("name").trim());
    ctx.log().info(kind == PolicyKind.POLICY ? "Policy deleted!" : "Policy group deleted!");
  }
}
