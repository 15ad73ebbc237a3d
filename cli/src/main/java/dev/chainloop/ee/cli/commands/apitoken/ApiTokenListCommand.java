package dev.chainloop.ee.cli.commands.apitoken;

import dev.chainloop.ee.cli.client.model.ApiToken;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.ListCommand;
import dev.chainloop.ee.cli.framework.UsageException;
import dev.chainloop.ee.cli.output.Listing;
import java.util.List;

public final class ApiTokenListCommand extends ListCommand {
  private static final List<String> STATUSES = List.of("active", "revoked", "all");
  private static final List<String> SCOPES = List.of("project", "global");

  @Override
  public String shortDescription() {
    return "List API tokens in this organization";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("status", "filter by status: active, revoked or all").defaultValue("active");
    flags
        .bool("all", "show all API tokens including revoked ones (deprecated, use --status all)")
        .shorthand("a");
    flags.string("project", "filter by project name").shorthand("p");
    flags.string("scope", "filter by scope: project or global").shorthand("s");
  }

  @Override
  public void run(CliContext ctx) {
    String status = ctx.flags().string("status").trim();
    if (ctx.flags().bool("all")) {
      ctx.log().warn("--all is deprecated, use --status all instead");
      status = "all";
    }
    if (!STATUSES.contains(status)) {
      throw new UsageException(
          "invalid --status \"" + status + "\": valid values are active, revoked, all");
    }
    String scope = ctx.flags().string("scope").trim();
    if (!scope.isEmpty() && !SCOPES.contains(scope)) {
      throw new UsageException(
          "invalid --scope \"" + scope + "\": valid values are project, global");
    }
    List<ApiToken> tokens =
        ctx.api().apiTokens(status, ctx.flags().string("project").trim(), scope);
    Listing.print(
        ctx, tokens, "there are no API tokens in this org", t -> ApiTokenView.table(t, true));
  }
}
