package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** A run's crafting state kept by the control plane (base64 JSON) and its digest. */
@ApiSchema("StateResponse")
public final class RemoteState extends ApiObject {
  public RemoteState(JsonObject json) {
    super(json);
  }

  public String state() {
    return string("state");
  }

  public String digest() {
    return string("digest");
  }
}
