package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** A run with its attestation and, if asked for, its verification. */
@ApiSchema("RunDetails")
public final class RunDetails extends ApiObject {
  public RunDetails(JsonObject json) {
    super(json);
  }

  public Run run() {
    return object("run", Run::new);
  }

  public AttestationInfo attestation() {
    return object("attestation", AttestationInfo::new);
  }

  public Verification verification() {
    return object("verification", Verification::new);
  }

  public PolicyResults policies() {
    return object("policies", PolicyResults::new);
  }
}
