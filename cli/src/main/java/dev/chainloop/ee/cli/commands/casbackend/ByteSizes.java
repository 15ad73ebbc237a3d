package dev.chainloop.ee.cli.commands.casbackend;

import dev.chainloop.ee.cli.framework.UsageException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as upstream writes and reads them ({@code bytefmt}): powers of 1024, {@code 100MB}. */
final class ByteSizes {
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGTPE]?)(I?B)?");
  private static final String UNITS = "BKMGTPE";

  private ByteSizes() {}

  /** {@code 512K}, {@code 100MB}, {@code 1GiB}, {@code 2048B}: a unit is required. */
  static long parse(String flag, String text) {
    Matcher m = SIZE.matcher(text.trim().toUpperCase(Locale.ROOT));
    if (!m.matches() || (m.group(2).isEmpty() && m.group(3) == null)) {
      throw new UsageException(
          "invalid --"
              + flag
              + " format: byte quantity must be a positive integer with a unit of measurement"
              + " like M, MB, MiB, G, GiB, or GB");
    }
    int power = m.group(2).isEmpty() ? 0 : UNITS.indexOf(m.group(2));
    long bytes =
        new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power)).longValue();
    if (bytes <= 0) {
      throw new UsageException("invalid --" + flag + " format: must be positive");
    }
    return bytes;
  }

  /** {@code 100M}, {@code 1.5G}, {@code 500K}. */
  static String format(long bytes) {
    if (bytes == 0) {
      return "0B";
    }
    int power = 0;
    double value = bytes;
    while (value >= 1024 && power < UNITS.length() - 1) {
      value /= 1024;
      power++;
    }
    String n = String.format(Locale.ROOT, "%.1f", value);
    if (n.endsWith(".0")) {
      n = n.substring(0, n.length() - 2);
    }
    return n + UNITS.charAt(power);
  }
}
