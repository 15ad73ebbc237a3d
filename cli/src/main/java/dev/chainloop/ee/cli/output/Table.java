package dev.chainloop.ee.cli.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Box-drawn table in go-pretty's StyleLight: upper-case header, one space of padding per side, an
 * optional title row spanning the table, explicit separators and multi-line cells.
 */
public final class Table {
  private static final List<String> SEPARATOR = List.of();

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();
  private String title;

  private Table(List<String> header) {
    this.header = header;
  }

  /** A list table; header cells are rendered upper-case. */
  public static Table withHeader(String... columns) {
    return new Table(Arrays.stream(columns).map(c -> c.toUpperCase(Locale.ROOT)).toList());
  }

  /** A key/value table without header row. */
  public static Table describe() {
    return new Table(List.of());
  }

  public Table title(String text) {
    this.title = text;
    return this;
  }

  /** Adds a row; a null or empty {@link Optional} cell is an empty one. */
  public Table row(Object... cells) {
    List<String> row = new ArrayList<>();
    for (Object c : cells) {
      Object value = c instanceof Optional<?> o ? o.orElse(null) : c;
      row.add(value == null ? "" : value.toString());
    }
    rows.add(row);
    return this;
  }

  public Table separator() {
    rows.add(SEPARATOR);
    return this;
  }

  public String render() {
    int columns = Math.max(header.size(), rows.stream().mapToInt(List::size).max().orElse(0));
    if (columns == 0) {
      return "";
    }
    int[] widths = new int[columns];
    measure(header, widths);
    rows.forEach(r -> measure(r, widths));
    if (title != null) {
      int inner = innerWidth(widths);
      int needed = DisplayWidth.of(title) + 2;
      if (needed > inner) {
        widths[columns - 1] += needed - inner;
      }
    }

    List<List<String>> body = trimSeparators();
    StringBuilder sb = new StringBuilder();
    if (title != null) {
      sb.append('┌').append("─".repeat(innerWidth(widths))).append("┐\n");
      sb.append("│ ").append(pad(title, innerWidth(widths) - 2)).append(" │\n");
      sb.append(rule('├', '┬', '┤', widths));
    } else {
      sb.append(rule('┌', '┬', '┐', widths));
    }
    if (!header.isEmpty()) {
      appendRow(sb, header, widths);
      if (!body.isEmpty()) {
        sb.append(rule('├', '┼', '┤', widths));
      }
    }
    for (List<String> row : body) {
      if (row == SEPARATOR) {
        sb.append(rule('├', '┼', '┤', widths));
      } else {
        appendRow(sb, row, widths);
      }
    }
    sb.append(rule('└', '┴', '┘', widths));
    return sb.toString();
  }

  private List<List<String>> trimSeparators() {
    List<List<String>> body = new ArrayList<>();
    for (List<String> row : rows) {
      boolean previousIsSeparator = body.isEmpty() || body.get(body.size() - 1) == SEPARATOR;
      if (row == SEPARATOR && previousIsSeparator) {
        continue;
      }
      body.add(row);
    }
    if (!body.isEmpty() && body.get(body.size() - 1) == SEPARATOR) {
      body.remove(body.size() - 1);
    }
    return body;
  }

  private static void measure(List<String> row, int[] widths) {
    for (int i = 0; i < row.size(); i++) {
      for (String line : row.get(i).split("\n", -1)) {
        widths[i] = Math.max(widths[i], DisplayWidth.of(line));
      }
    }
  }

  private static int innerWidth(int[] widths) {
    int total = widths.length - 1;
    for (int w : widths) {
      total += w + 2;
    }
    return total;
  }

  private static String rule(char left, char middle, char right, int[] widths) {
    StringBuilder sb = new StringBuilder().append(left);
    for (int i = 0; i < widths.length; i++) {
      if (i > 0) {
        sb.append(middle);
      }
      sb.append("─".repeat(widths[i] + 2));
    }
    return sb.append(right).append('\n').toString();
  }

  private static void appendRow(StringBuilder sb, List<String> row, int[] widths) {
    List<String[]> cellLines = new ArrayList<>();
    int height = 1;
    for (int i = 0; i < widths.length; i++) {
      String[] lines = (i < row.size() ? row.get(i) : "").split("\n", -1);
      cellLines.add(lines);
      height = Math.max(height, lines.length);
    }
    for (int l = 0; l < height; l++) {
      sb.append('│');
      for (int i = 0; i < widths.length; i++) {
        String[] lines = cellLines.get(i);
        sb.append(' ').append(pad(l < lines.length ? lines[l] : "", widths[i])).append(" │");
      }
      sb.append('\n');
    }
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - DisplayWidth.of(s)));
  }
}
