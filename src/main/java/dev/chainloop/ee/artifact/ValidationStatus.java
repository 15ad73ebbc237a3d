package dev.chainloop.ee.artifact;

/** The outcome of a CAS backend's last validation; {@link #wire()} is upstream's word. */
public enum ValidationStatus {
  OK("OK"),
  INVALID("Invalid");

  private final String wire;

  ValidationStatus(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
