package dev.chainloop.ee.run;

import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.persistence.Ids;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Keyset position in a run listing: the last row's (createdAt, id), opaque to clients. */
record RunCursor(Instant createdAt, String id) {
  String encode() {
    String raw = createdAt.toEpochMilli() + "|" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor a client sent back; 400 (field {@code next}) if it is not one of ours. */
  static RunCursor decode(String text) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(text.trim()), StandardCharsets.UTF_8);
      int bar = raw.indexOf('|');
      Instant at = Instant.ofEpochMilli(Long.parseLong(raw.substring(0, bar)));
      String id = Ids.parse(raw.substring(bar + 1)).orElseThrow();
      return new RunCursor(at, id);
    } catch (RuntimeException e) {
      throw new InvalidInputException("next", "invalid cursor");
    }
  }
}
