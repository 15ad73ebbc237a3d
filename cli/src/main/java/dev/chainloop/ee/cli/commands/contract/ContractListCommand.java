package dev.chainloop.ee.cli.commands.contract;

import dev.chainloop.ee.cli.client.model.Contract;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.LeafCommand;
import java.util.List;

public final class ContractListCommand extends LeafCommand {
  @Override
  public String name() {
    return "list";
  }

  @Override
  public List<String> aliases() {
    return List.of("ls");
  }

  @Override
  public String shortDescription() {
    return "List contracts";
  }

  @Override
  public void run(CliContext ctx) {
    List<Contract> items = ctx.api().contracts();
    if (ctx.jsonOutput()) {
      ctx.printJson(items);
    } else if (items.isEmpty()) {
      ctx.out().println("there are no contracts yet");
    } else {
      ctx.print(ContractView.list(items));
    }
  }
}
