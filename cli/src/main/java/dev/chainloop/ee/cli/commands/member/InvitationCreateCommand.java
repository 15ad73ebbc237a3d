package dev.chainloop.ee.cli.commands.member;

import dev.chainloop.ee.cli.client.model.CreateInvitationRequest;
import dev.chainloop.ee.cli.client.model.Invitation;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.framework.UsageException;
import java.util.List;

public final class InvitationCreateCommand extends LeafCommand {
  @Override
  public String name() {
    return "create";
  }

  @Override
  public String shortDescription() {
    return "Invite a user to join the current organization";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("receiver", "email address of the user to invite").required();
    flags.string("role", Roles.HELP).defaultValue("viewer");
  }

  @Override
  public void run(CliContext ctx) {
    String receiver = ctx.flags().string("receiver").trim();
    if (!receiver.matches("[^@\\s]+@[^@\\s]+")) {
      throw new UsageException(
          "invalid --receiver \"" + receiver + "\": expected an email address");
    }
    String role = Roles.check(ctx.flags().string("role"));
    Invitation invitation = ctx.api().createInvitation(new CreateInvitationRequest(receiver, role));
    if (ctx.jsonOutput()) {
      ctx.printJson(invitation);
    } else {
      ctx.print(MemberView.invitations(List.of(invitation)));
    }
  }
}
