package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** The outcome of re-checking a run's attestation. */
@ApiSchema("Verification")
public final class Verification extends ApiObject {
  public Verification(JsonObject json) {
    super(json);
  }

  public boolean verified() {
    return bool("verified");
  }

  public String failureReason() {
    return string("failureReason");
  }
}
