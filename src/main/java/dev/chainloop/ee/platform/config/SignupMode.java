package dev.chainloop.ee.platform.config;

import java.util.Locale;

/** Who may create an account: anyone, only invited emails, or nobody (accounts made by admins). */
public enum SignupMode {
  OPEN("open"),
  INVITE_ONLY("invite-only"),
  CLOSED("closed");

  private final String wire;

  SignupMode(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  static SignupMode parse(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    for (SignupMode mode : values()) {
      if (mode.wire.equals(v)) {
        return mode;
      }
    }
    throw new IllegalStateException("chainloop.signup.mode must be open, invite-only or closed");
  }
}
