package dev.chainloop.ee.cli.commands.policy;

import dev.chainloop.ee.cli.client.model.Policy;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.ListCommand;
import java.util.List;

public final class PolicyListCommand extends ListCommand {
  @Override
  public String shortDescription() {
    return "List the organization's policies and the built-in library";
  }

  @Override
  public void run(CliContext ctx) {
    List<Policy> items = ctx.api().policies();
    if (ctx.jsonOutput()) {
      ctx.printJson(items);
    } else {
      ctx.print(PolicyView.list(items));
    }
  }
}
