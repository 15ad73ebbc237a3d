package dev.chainloop.ee.cli.output;

import dev.chainloop.ee.cli.client.Json;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.UsageException;
import jakarta.json.JsonObject;
import java.util.Map;

/** Offset pagination of list commands: the --page/--limit flags and the "Showing" footer. */
public final class Paging {
  private Paging() {}

  public static void defineFlags(FlagSet flags) {
    flags.integer("page", "page number").defaultValue("1");
    flags.integer("limit", "number of items per page").defaultValue("50");
  }

  /** Adds the validated page and limit to {@code query}. */
  public static void addTo(CliContext ctx, Map<String, String> query) {
    int page = ctx.flags().integer("page");
    int limit = ctx.flags().integer("limit");
    if (page < 1) {
      throw new UsageException("--page must be greater than 0");
    }
    if (limit < 1 || limit > 100) {
      throw new UsageException("--limit must be between 1 and 100");
    }
    query.put("page", Integer.toString(page));
    query.put("limit", Integer.toString(limit));
  }

  public static void report(CliContext ctx, JsonObject response, int shown) {
    long page = Json.num(response, "page", 1);
    long pageSize = Json.num(response, "pageSize", shown);
    long total = Json.num(response, "totalCount", shown);
    long totalPages = Json.num(response, "totalPages", 1);
    long first = (page - 1) * pageSize + 1;
    ctx.log().info("Showing [" + first + "-" + (first + shown - 1) + "] out of " + total);
    if (page < totalPages) {
      ctx.log().info("Next page available: " + (page + 1));
    }
  }
}
