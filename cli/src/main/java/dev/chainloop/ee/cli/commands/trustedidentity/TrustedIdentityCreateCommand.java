package dev.chainloop.ee.cli.commands.trustedidentity;

import dev.chainloop.ee.cli.client.model.CreateTrustedIdentityRequest;
import dev.chainloop.ee.cli.client.model.TrustedIdentity;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.framework.UsageException;
import java.util.List;

public final class TrustedIdentityCreateCommand extends LeafCommand {
  static final String GITHUB_ISSUER = "https://token.actions.githubusercontent.com";

  @Override
  public String name() {
    return "create";
  }

  @Override
  public String shortDescription() {
    return "Trust the OIDC identity of CI jobs (GitHub Actions, GitLab CI) instead of API tokens";
  }

  @Override
  public String example() {
    return """
          # Let the main branch of acme/app attest workflow build of project core
          chainloop org trusted-identity create --audience chainloop \\
            --condition repository=acme/app --condition ref=refs/heads/main \\
            --project core --workflow build

          # A GitLab instance's jobs of any project of group acme, for project core
          chainloop org trusted-identity create --issuer https://gitlab.com --audience chainloop \\
            --condition namespace_path=acme --project core""";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("issuer", "the OIDC issuer (an https URL)").defaultValue(GITHUB_ISSUER);
    flags.string("audience", "the audience the ID token must carry").required();
    flags.strings(
        "condition",
        "claim=value the ID token must carry, e.g. repository=acme/app; * matches within a path"
            + " segment, ** across (repeatable, all must hold)");
    flags.string("project", "confine the credentials to this project");
    flags.string("workflow", "confine the credentials to this workflow (with --project)");
    flags.strings(
        "permission",
        "permission granted to the credentials as resource:action, narrowing the defaults"
            + " (repeatable)");
  }

  @Override
  public void run(CliContext ctx) {
    List<String> conditions = ctx.flags().strings("condition");
    if (conditions.isEmpty()) {
      throw new UsageException(
          "at least one --condition naming the pipeline is required, e.g. repository=acme/app");
    }
    List<String> permissions = ctx.flags().strings("permission");
    TrustedIdentity created =
        ctx.api()
            .createTrustedIdentity(
                new CreateTrustedIdentityRequest(
                    ctx.flags().string("issuer").trim(),
                    ctx.flags().string("audience").trim(),
                    conditions,
                    ctx.flags().nonBlank("project").map(String::trim).orElse(null),
                    ctx.flags().nonBlank("workflow").map(String::trim).orElse(null),
                    permissions.isEmpty() ? null : permissions));
    if (ctx.jsonOutput()) {
      ctx.printJson(created);
    } else {
      ctx.print(TrustedIdentityView.table(List.of(created)));
    }
  }
}
