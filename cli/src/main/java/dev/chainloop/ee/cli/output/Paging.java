package dev.chainloop.ee.cli.output;

import dev.chainloop.ee.cli.client.model.Page;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.UsageException;
import java.util.Optional;

/**
 * Pagination of list commands: offset pages (the --page/--limit flags and the "Showing" footer) and
 * cursors (the --limit/--next flags and the "--next CURSOR" hint).
 */
public final class Paging {
  private Paging() {}

  /** A validated {@code --page} and {@code --limit}. */
  public record Requested(int page, int limit) {}

  public static void defineFlags(FlagSet flags) {
    flags.integer("page", "page number").defaultValue("1");
    flags.integer("limit", "number of items per page").defaultValue("50");
  }

  public static Requested requested(CliContext ctx) {
    int page = ctx.flags().integer("page");
    int limit = ctx.flags().integer("limit");
    if (page < 1) {
      throw new UsageException("--page must be greater than 0");
    }
    if (limit < 1 || limit > 100) {
      throw new UsageException("--limit must be between 1 and 100");
    }
    return new Requested(page, limit);
  }

  static void report(CliContext ctx, Page response, int shown) {
    long page = response.page().orElse(1);
    long pageSize = response.pageSize().orElse(shown);
    long total = response.totalCount().orElse((long) shown);
    long totalPages = response.totalPages().orElse(1);
    long first = (page - 1) * pageSize + 1;
    ctx.log().info("Showing [" + first + "-" + (first + shown - 1) + "] out of " + total);
    if (page < totalPages) {
      ctx.log().info("Next page available: " + (page + 1));
    }
  }

  /** {@code --limit} (items per page, {@code defaultLimit} when not given) and {@code --next}. */
  public static void defineCursorFlags(FlagSet flags, String items, int defaultLimit) {
    flags.integer("limit", "number of " + items + " per page").defaultValue("" + defaultLimit);
    flags.string("next", "cursor to load the next page");
  }

  /** The {@code --next} cursor given, empty for the first page. */
  public static String nextCursor(CliContext ctx) {
    return ctx.flags().string("next").trim();
  }

  /** Tells on stderr how to load the page after this one, if there is one. */
  public static void reportNext(CliContext ctx, Optional<String> next) {
    next.ifPresent(c -> ctx.log().info("--next " + c));
  }
}
