package dev.chainloop.ee.run;

import dev.chainloop.ee.platform.error.InvalidInputException;
import java.util.Locale;

/** Run states: the database word and the API's {@code RunStatus} name. */
public enum RunState {
  INITIALIZED("initialized", "INITIALIZED"),
  SUCCESS("success", "SUCCEEDED"),
  ERROR("error", "FAILED"),
  EXPIRED("expired", "EXPIRED"),
  CANCELED("canceled", "CANCELLED");

  private final String db;
  private final String status;

  RunState(String db, String status) {
    this.db = db;
    this.status = status;
  }

  public String db() {
    return db;
  }

  public String status() {
    return status;
  }

  static RunState ofDb(String value) {
    for (RunState s : values()) {
      if (s.db.equals(value)) {
        return s;
      }
    }
    throw new IllegalStateException("unknown run state " + value);
  }

  /** Accepts either spelling, any case, with or without the RUN_STATUS_ prefix. */
  public static RunState parse(String value) {
    String v = value.trim().toUpperCase(Locale.ROOT).replace("RUN_STATUS_", "");
    for (RunState s : values()) {
      if (s.status.equals(v) || s.db.toUpperCase(Locale.ROOT).equals(v)) {
        return s;
      }
    }
    throw new InvalidInputException(
        "status", "must be one of INITIALIZED, SUCCEEDED, FAILED, CANCELLED, EXPIRED");
  }
}
