package dev.chainloop.ee.cli.framework;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as users type them: one or more number+unit pairs, units {@code s m h d w}, e.g. {@code
 * 1h}, {@code 178h}, {@code 30d}, {@code 2w}, {@code 1h30m}. Always strictly positive.
 */
public final class Durations {
  private static final Pattern WHOLE = Pattern.compile("(?:\\d+[smhdw])+");
  private static final Pattern PART = Pattern.compile("(\\d+)([smhdw])");

  private Durations() {}

  public static Duration parse(String text) {
    String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (!WHOLE.matcher(s).matches()) {
      throw new UsageException(
          "invalid duration \""
              + text
              + "\": use a number followed by a unit (s, m, h, d, w), e.g. 1h, 24h, 30d, 2w");
    }
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(s);
    try {
      while (m.find()) {
        long n = Long.parseLong(m.group(1));
        total =
            total.plus(
                switch (m.group(2)) {
                  case "s" -> Duration.ofSeconds(n);
                  case "m" -> Duration.ofMinutes(n);
                  case "h" -> Duration.ofHours(n);
                  case "d" -> Duration.ofDays(n);
                  default -> Duration.ofDays(Math.multiplyExact(n, 7));
                });
      }
    } catch (ArithmeticException | NumberFormatException e) {
      throw new UsageException("invalid duration \"" + text + "\": too large");
    }
    if (total.isZero()) {
      throw new UsageException("invalid duration \"" + text + "\": must be greater than zero");
    }
    return total;
  }

  /** The API's spelling: whole hours as {@code Nh}, otherwise whole minutes as {@code Nm}. */
  public static String toWire(Duration d) {
    if (d.toMinutes() * 60 != d.getSeconds() || d.getNano() != 0) {
      throw new UsageException("invalid duration \"" + d + "\": must be a whole number of minutes");
    }
    return d.toMinutes() % 60 == 0 ? d.toHours() + "h" : d.toMinutes() + "m";
  }
}
