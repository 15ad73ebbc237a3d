package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** The user making a call. */
@ApiSchema("UserRef1")
public final class ContextUser extends ApiObject {
  public ContextUser(JsonObject json) {
    super(json);
  }

  public String email() {
    return string("email");
  }
}
