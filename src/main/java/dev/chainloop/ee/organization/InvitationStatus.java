package dev.chainloop.ee.organization;

/** An invitation is pending until its email signs up or logs in, or until it is revoked. */
public enum InvitationStatus {
  PENDING("pending"),
  ACCEPTED("accepted"),
  REVOKED("revoked");

  private final String wire;

  InvitationStatus(String wire) {
    this.wire = wire;
  }

  /** The word on the wire and in the database. */
  public String wire() {
    return wire;
  }

  static InvitationStatus ofWire(String value) {
    for (InvitationStatus status : values()) {
      if (status.wire.equals(value)) {
        return status;
      }
    }
    throw new IllegalStateException("unknown invitation status " + value);
  }
}
