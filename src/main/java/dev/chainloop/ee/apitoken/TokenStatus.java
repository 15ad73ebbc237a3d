package dev.chainloop.ee.apitoken;

import dev.chainloop.ee.platform.error.InvalidInputException;
import java.util.Optional;

/**
 * Where a token is in its life. Not stored: it follows from {@code revokedAt} and {@code expiresAt}
 * at the moment of asking.
 */
public enum TokenStatus {
  ACTIVE("active"),
  EXPIRED("expired"),
  REVOKED("revoked");

  /** The filter word that lists tokens of every status. */
  static final String ALL = "all";

  private final String wire;

  TokenStatus(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /**
   * A listing's {@code status} parameter: blank means active, {@code all} means no filter (empty).
   */
  static Optional<TokenStatus> filter(String text) {
    String value = text == null || text.isBlank() ? ACTIVE.wire : text.trim();
    if (value.equals(ALL)) {
      return Optional.empty();
    }
    for (TokenStatus status : values()) {
      if (status.wire.equals(value)) {
        return Optional.of(status);
      }
    }
    throw new InvalidInputException("status", "must be one of active, expired, revoked, all");
  }
}
