package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** The outcome of applying a contract document. */
@ApiSchema("ApplyResponse")
public final class Applied extends ApiObject {
  public Applied(JsonObject json) {
    super(json);
  }

  public String status() {
    return string("status");
  }

  public Contract contract() {
    return object("contract", Contract::new);
  }
}
