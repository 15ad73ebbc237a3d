package dev.chainloop.ee.cli.commands.casbackend;

import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.NamedCommand;
import java.util.List;

public final class CasBackendDeleteCommand extends NamedCommand {
  public CasBackendDeleteCommand() {
    super("CAS Backend name");
  }

  @Override
  public String name() {
    return "delete";
  }

  @Override
  public List<String> aliases() {
    return List.of("rm");
  }

  @Override
  public String shortDescription() {
    return "Delete a CAS Backend from your organization";
  }

  @Override
  protected void run(CliContext ctx, String name) {
    if (!CasBackendFlags.confirmDefaultUnset(
        ctx, name, "You are deleting the default CAS backend.")) {
      ctx.log().info("Aborting...");
      return;
    }
    ctx.api().deleteCasBackend(name);
    ctx.log().info("Backend deleted");
  }
}
