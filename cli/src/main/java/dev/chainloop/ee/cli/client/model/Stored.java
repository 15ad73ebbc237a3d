package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** The digest of a stored attestation bundle and what its contract's policies said. */
@ApiSchema("StoreResponse")
public final class Stored extends ApiObject {
  public Stored(JsonObject json) {
    super(json);
  }

  public String digest() {
    return string("digest");
  }

  /** PASSED, FAILED or BYPASSED; absent when the contract attaches no policy. */
  public java.util.Optional<String> policyStatus() {
    return optionalString("policyStatus");
  }

  public java.util.List<PolicyEvaluation> policies() {
    return objects("policies", PolicyEvaluation::new);
  }
}
