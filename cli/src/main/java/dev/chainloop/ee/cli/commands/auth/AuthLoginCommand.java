package dev.chainloop.ee.cli.commands.auth;

import dev.chainloop.ee.cli.client.model.LoginRequest;
import dev.chainloop.ee.cli.config.ConfigFile;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;

public final class AuthLoginCommand extends LeafCommand {
  @Override
  public String name() {
    return "login";
  }

  @Override
  public String shortDescription() {
    return "Authenticate with the Chainloop control plane";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("email", "account email; prompted for when not given");
    flags.bool("password-stdin", "read the password from standard input");
    flags.bool("sso", "log in through the organization's identity provider (single sign-on)");
    flags.bool(
        "skip-browser",
        "with --sso: do not open a browser, print the address and code to open elsewhere");
  }

  @Override
  public void run(CliContext ctx) {
    if (ctx.flags().bool("sso")) {
      save(ctx, SsoLogin.login(ctx, ctx.flags().bool("skip-browser")));
      return;
    }
    String email = Passwords.email(ctx, ctx.flags().string("email"));
    String password = Passwords.read(ctx, ctx.flags().bool("password-stdin"), false);
    String token = ctx.anonymousApi().login(new LoginRequest(email, password)).token();
    save(ctx, token);
  }

  private static void save(CliContext ctx, String token) {
    if (token.isEmpty()) {
      throw new CliException("the control plane did not return a token");
    }
    ctx.config().set(ConfigFile.AUTH_TOKEN, token);
    ctx.config().save();
    ctx.log().info("login successful!");
  }
}
