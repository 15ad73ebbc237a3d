package dev.chainloop.ee.cli.commands.auth;

import dev.chainloop.ee.cli.client.Json;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

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
    JsonObjectBuilder body = Json.object().add("email", email).add("password", password);
    ctx.flags().nonBlank("name").ifPresent(n -> body.add("name", n.trim()));
    JsonObject user = Json.asObject(ctx.anonymousApi().post("/api/v1/auth/signup", body.build()));
    if (ctx.jsonOutput()) {
      ctx.printJson(user);
    }
    ctx.log()
        .info(
            "Account "
                + Json.opt(user, "email").orElse(email)
                + " created, now run \"chainloop auth login\"");
  }
}
