package dev.chainloop.ee.cli.commands.member;

import dev.chainloop.ee.cli.client.model.Invitation;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.LeafCommand;
import java.util.List;

public final class InvitationListCommand extends LeafCommand {
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
    return "List sent invitations";
  }

  @Override
  public void run(CliContext ctx) {
    List<Invitation> items = ctx.api().invitations();
    if (ctx.jsonOutput()) {
      ctx.printJson(items);
    } else if (items.isEmpty()) {
      ctx.out().println("there are no sent invitations");
    } else {
      ctx.print(MemberView.invitations(items));
    }
  }
}
