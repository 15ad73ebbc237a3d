package dev.chainloop.ee.cli.commands.policy;

import dev.chainloop.ee.cli.client.model.Policy;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.ListCommand;
import java.util.List;

public final class PolicyListCommand extends ListCommand {
  private final PolicyKind kind;

  public PolicyListCommand(PolicyKind kind) {
    this.kind = kind;
  }

  @Override
  public String shortDescription() {
    return kind == PolicyKind.POLICY
        ? "List the organization's policies and the built-in library"
        : "List the organization's policy groups";
  }

  @Override
  public void run(CliContext ctx) {
    List<Policy> items = kind.list(ctx.api());
    if (ctx.jsonOutput()) {
      ctx.printJson(items);
    } else {
      ctx.print(PolicyView.list(items));
    }
  }
}
