package dev.chainloop.ee.cli.commands.member;

import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;

public final class InvitationRevokeCommand extends LeafCommand {
  @Override
  public String name() {
    return "revoke";
  }

  @Override
  public String shortDescription() {
    return "Revoke a pending invitation";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("id", "invitation ID").required();
  }

  @Override
  public void run(CliContext ctx) {
    ctx.api().revokeInvitation(ctx.flags().string("id").trim());
    ctx.log().info("Invitation revoked!");
  }
}
