package dev.chainloop.ee.cli.commands.apitoken;

import dev.chainloop.ee.cli.client.model.ApiToken;
import dev.chainloop.ee.cli.client.model.CreateApiTokenRequest;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.Durations;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.framework.UsageException;
import java.util.List;
import java.util.regex.Pattern;

public final class ApiTokenCreateCommand extends LeafCommand {
  private static final Pattern PERMISSION = Pattern.compile("[a-z][a-z0-9_-]*:[a-z][a-z0-9_-]*");

  @Override
  public String name() {
    return "create";
  }

  @Override
  public String shortDescription() {
    return "Create an API token";
  }

  @Override
  public List<String> outputFormats() {
    return List.of("table", "json", "token");
  }

  @Override
  public String example() {
    return """
          # Create an API token that expires in 30 days, scoped to a project
          chainloop org api-token create --name ci --expiration 30d --project core

          # Print only the token
          chainloop org api-token create --name ci -o token""";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("name", "name of the API token").required();
    flags.string("description", "API token description");
    flags.duration(
        "expiration", "optional API token expiration, e.g. 1h, 24h, 178h (week), 30d, 2w");
    flags.string(
        "project", "project the token is scoped to; an organization-wide token if not set");
    flags.strings(
        "permission",
        "permission granted to the token as resource:action, e.g. workflow:read (repeatable)");
  }

  @Override
  public void run(CliContext ctx) {
    String name = ctx.flags().string("name").trim();
    if (name.isEmpty()) {
      throw new UsageException("--name must not be empty");
    }
    String expiresIn =
        ctx.flags()
            .nonBlank("expiration")
            .map(e -> Durations.toWire(Durations.parse(e)))
            .orElse(null);
    List<String> permissions = ctx.flags().strings("permission");
    for (String p : permissions) {
      if (!PERMISSION.matcher(p).matches()) {
        throw new UsageException(
            "invalid permission \"" + p + "\": expected resource:action, e.g. workflow:read");
      }
    }
    ApiToken created =
        ctx.api()
            .createApiToken(
                new CreateApiTokenRequest(
                    name,
                    ctx.flags().nonBlank("description").orElse(null),
                    expiresIn,
                    ctx.flags().nonBlank("project").map(String::trim).orElse(null),
                    permissions.isEmpty() ? null : permissions));
    String jwt = created.token();
    switch (ctx.outputFormat()) {
      case "token" -> ctx.out().print(jwt);
      case "json" -> ctx.printJson(created);
      default -> {
        ctx.print(ApiTokenView.table(List.of(created), false));
        ctx.out()
            .printf("%nSave the following token since it will not printed again: %n%n %s%n%n", jwt);
      }
    }
  }
}
