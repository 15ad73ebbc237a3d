package dev.chainloop.ee.platform.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations the way the Chainloop CLI writes them (Go style: {@code 1h}, {@code 24h}, {@code
 * 1h30m}, {@code 90s}) plus {@code d} and {@code w} for humans ({@code 30d}, {@code 2w}).
 */
public final class Durations {
  private static final Pattern WHOLE = Pattern.compile("^(\\d+(w|d|h|ms|m|s))+$");
  private static final Pattern PART = Pattern.compile("(\\d+)(w|d|h|ms|m|s)");

  private Durations() {}

  /**
   * @throws IllegalArgumentException with a message fit for a user if {@code text} is not a
   *     duration
   */
  public static Duration parse(String text) {
    String value = text == null ? "" : text.trim();
    if (value.equals("0")) {
      return Duration.ZERO;
    }
    if (!WHOLE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "invalid duration \"" + text + "\", use e.g. 1h, 24h, 178h, 30d or 2w");
    }
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(value);
    try {
      while (m.find()) {
        long n = Long.parseLong(m.group(1));
        total =
            total.plus(
                switch (m.group(2)) {
                  case "w" -> Duration.ofDays(Math.multiplyExact(n, 7));
                  case "d" -> Duration.ofDays(n);
                  case "h" -> Duration.ofHours(n);
                  case "m" -> Duration.ofMinutes(n);
                  case "s" -> Duration.ofSeconds(n);
                  default -> Duration.ofMillis(n);
                });
      }
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("duration \"" + text + "\" is too large");
    }
    return total;
  }

  /** The inverse of {@link #parse} for whole hours/minutes/seconds, e.g. {@code 720h}. */
  public static String format(Duration d) {
    if (d.toSeconds() % 3600 == 0) {
      return d.toHours() + "h";
    }
    if (d.toSeconds() % 60 == 0) {
      return d.toMinutes() + "m";
    }
    return d.toSeconds() + "s";
  }
}
