package dev.chainloop.ee.cli.commands.auth;

import dev.chainloop.ee.cli.client.ApiClient;
import dev.chainloop.ee.cli.client.ControlPlane;
import dev.chainloop.ee.cli.config.ConfigFile;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.cli.framework.LeafCommand;
import java.util.Optional;

public final class AuthLogoutCommand extends LeafCommand {
  @Override
  public String name() {
    return "logout";
  }

  @Override
  public String shortDescription() {
    return "Log out: invalidate the stored login token and remove it from the config file";
  }

  @Override
  public void run(CliContext ctx) {
    Optional<String> token = ctx.config().getString(ConfigFile.AUTH_TOKEN);
    if (token.isEmpty()) {
      ctx.log().info("not logged in");
      return;
    }
    try {
      new ControlPlane(
              ApiClient.authenticated(
                  ctx.connection(),
                  token,
                  ApiClient.Credential.USER_TOKEN,
                  Optional.empty(),
                  ctx.log()))
          .logout();
    } catch (CliException e) {
      // the local token goes away regardless; the server may already consider it invalid
      ctx.log().debug("server-side logout failed: " + e.getMessage());
    }
    ctx.config().remove(ConfigFile.AUTH_TOKEN);
    ctx.config().save();
    ctx.log().info("logged out");
  }
}
