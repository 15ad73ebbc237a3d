package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** The outcome of applying a policy document. */
@ApiSchema("ApplyPolicyResponse")
public final class PolicyApplied extends ApiObject {
  public PolicyApplied(JsonObject json) {
    super(json);
  }

  public String status() {
    return string("status");
  }

  public Policy policy() {
    return object("policy", Policy::new);
  }
}
