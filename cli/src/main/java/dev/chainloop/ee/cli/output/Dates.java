package dev.chainloop.ee.cli.output;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** The one date format of the CLI: Go's RFC 822 in UTC, e.g. {@code 13 May 24 11:08 UTC}. */
public final class Dates {
  private static final DateTimeFormatter RFC822 =
      DateTimeFormatter.ofPattern("dd MMM yy HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private Dates() {}

  public static String rfc822(Instant instant) {
    return instant == null ? "" : RFC822.format(instant);
  }

  /** An optional timestamp of the API; empty when absent. */
  public static String rfc822(Optional<Instant> instant) {
    return instant.map(RFC822::format).orElse("");
  }

  /**
   * Formats an ISO-8601 timestamp from the API; empty for null/blank, the raw text if unparseable.
   */
  public static String rfc822(String iso) {
    if (iso == null || iso.isBlank()) {
      return "";
    }
    try {
      return rfc822(parse(iso));
    } catch (DateTimeParseException e) {
      return iso;
    }
  }

  public static Instant parse(String iso) {
    try {
      return Instant.parse(iso);
    } catch (DateTimeParseException e) {
      return OffsetDateTime.parse(iso).toInstant();
    }
  }
}
