package dev.chainloop.ee.platform.persistence;

import java.util.Optional;
import java.util.UUID;

/** Entity ids are random UUIDs stored as their canonical 36-character text. */
public final class Ids {
  private Ids() {}

  public static String newId() {
    return UUID.randomUUID().toString();
  }

  /**
   * The canonical form of {@code raw}, or empty if it is not a UUID (then nothing can match it).
   */
  public static Optional<String> parse(String raw) {
    if (raw == null || raw.length() != 36) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(raw).toString());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
