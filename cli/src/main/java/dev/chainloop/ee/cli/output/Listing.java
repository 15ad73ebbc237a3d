package dev.chainloop.ee.cli.output;

import dev.chainloop.ee.cli.client.model.ApiObject;
import dev.chainloop.ee.cli.client.model.Page;
import dev.chainloop.ee.cli.framework.CliContext;
import java.util.List;
import java.util.function.Function;

/**
 * What the list commands print: with {@code -o json} the server's answer as received; otherwise one
 * line when there is nothing to list, or the table (and, for a page, the "Showing" footer).
 */
public final class Listing {
  private Listing() {}

  public static <T extends ApiObject> void print(
      CliContext ctx, List<T> items, String none, Function<List<T>, Table> table) {
    if (ctx.jsonOutput()) {
      ctx.printJson(items);
    } else {
      printTable(ctx, items, none, table);
    }
  }

  /** One page of an offset-paginated list: its JSON is the whole page, items and position. */
  public static <T> void printPage(
      CliContext ctx, Page page, List<T> items, String none, Function<List<T>, Table> table) {
    if (ctx.jsonOutput()) {
      ctx.printJson(page);
    } else if (printTable(ctx, items, none, table)) {
      Paging.report(ctx, page, items.size());
    }
  }

  /** The table, or {@code none} when there are no items; whether there was a table. */
  private static <T> boolean printTable(
      CliContext ctx, List<T> items, String none, Function<List<T>, Table> table) {
    if (items.isEmpty()) {
      ctx.out().println(none);
      return false;
    }
    ctx.print(table.apply(items));
    return true;
  }
}
