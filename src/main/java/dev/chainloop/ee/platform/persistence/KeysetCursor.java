package dev.chainloop.ee.platform.persistence;

import dev.chainloop.ee.platform.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Keyset position in a listing ordered by (createdAt, id): the last row's, opaque to clients. Runs
 * page newest first, API tokens and robot accounts oldest first; the repository applies the order.
 */
public record KeysetCursor(Instant createdAt, String id) {
  public String encode() {
    // Full precision: the clock's Instants carry microseconds, and a position cut to milliseconds
    // skipped the rows created in the same millisecond before the page's last one.
    String raw = createdAt.getEpochSecond() + "." + createdAt.getNano() + "|" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor a client sent back; 400 (field {@code next}) if it is not one of ours. */
  public static KeysetCursor decode(String text) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(text.trim()), StandardCharsets.UTF_8);
      int bar = raw.indexOf('|');
      String at = raw.substring(0, bar);
      int dot = at.indexOf('.');
      Instant createdAt =
          dot < 0
              // a cursor handed out before full precision: epoch milliseconds
              ? Instant.ofEpochMilli(Long.parseLong(at))
              : Instant.ofEpochSecond(
                  Long.parseLong(at.substring(0, dot)), Long.parseLong(at.substring(dot + 1)));
      String id = Ids.parse(raw.substring(bar + 1)).orElseThrow();
      return new KeysetCursor(createdAt, id);
    } catch (RuntimeException e) {
      throw new InvalidInputException("next", "invalid cursor");
    }
  }
}
