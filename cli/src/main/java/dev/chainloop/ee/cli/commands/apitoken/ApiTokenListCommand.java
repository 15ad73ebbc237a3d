package dev.chainloop.ee.cli.commands.apitoken;

import dev.chainloop.ee.cli.client.Json;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.framework.UsageException;
import jakarta.json.JsonArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class ApiTokenListCommand extends LeafCommand {
  private static final List<String> STATUSES = List.of("active", "revoked", "all");
  private static final List<String> SCOPES = List.of("project", "global");

  @Override
  public String name() {
    return "list";
  }

  @Override
  public List<String> aliases() {
    return List.of("ls");
  }

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
    Map<String, String> query = new LinkedHashMap<>();
    query.put("status", status);
    query.put("project", ctx.flags().string("project").trim());
    query.put("scope", scope);

    JsonArray items = Json.items(ctx.api().get("/api/v1/api-tokens", query));
    if (ctx.jsonOutput()) {
      ctx.printJson(items);
    } else if (items.isEmpty()) {
      ctx.out().println("there are no API tokens in this org");
    } else {
      ctx.print(ApiTokenView.table(Json.objects(items), true));
    }
  }
}
