package dev.chainloop.ee.cli.commands.member;

import dev.chainloop.ee.cli.client.Json;
import dev.chainloop.ee.cli.framework.CliContext;
import jakarta.json.JsonObject;

/** The "Showing [a-b] out of N" footer of paged lists. */
public final class Paging {
  private Paging() {}

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
