package dev.chainloop.ee.cli.commands.trustedidentity;

import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.framework.UsageException;
import java.util.UUID;

public final class TrustedIdentityDeleteCommand extends LeafCommand {
  @Override
  public String name() {
    return "delete";
  }

  @Override
  public String shortDescription() {
    return "Delete a trusted identity and revoke the credentials issued under it";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("id", "trusted identity ID").required();
  }

  @Override
  public void run(CliContext ctx) {
    String id = ctx.flags().string("id").trim();
    try {
      UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new UsageException("invalid trusted identity id \"" + id + "\": expected a UUID");
    }
    ctx.api().deleteTrustedIdentity(id);
    ctx.log().info("trusted identity deleted");
  }
}
