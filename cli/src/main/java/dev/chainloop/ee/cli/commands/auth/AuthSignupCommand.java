package dev.chainloop.ee.cli.commands.auth;

import dev.chainloop.ee.cli.client.model.SignupRequest;
import dev.chainloop.ee.cli.client.model.User;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;

public final class AuthSignupCommand extends LeafCommand {
  @Override
  public String name() {
    return "signup";
  }

  @Override
  public String shortDescription() {
    return "Create a user account";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("email", "email address of the new account").required();
    flags.string("name", "display name");
    flags.bool("password-stdin", "read the password from standard input");
  }

  @Override
  public void run(CliContext ctx) {
    String email = ctx.flags().string("email").trim();
    String password = Passwords.read(ctx, ctx.flags().bool("password-stdin"), true);
    User user =
        ctx.anonymousApi()
            .signup(
                new SignupRequest(
                    email, password, ctx.flags().nonBlank("name").map(String::trim).orElse(null)));
    if (ctx.jsonOutput()) {
      ctx.printJson(user);
    }
    ctx.log()
        .info(
            "Account " + user.email().orElse(email) + " created, now run \"chainloop auth login\"");
  }
}
