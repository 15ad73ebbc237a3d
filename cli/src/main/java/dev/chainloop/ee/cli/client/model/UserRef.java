package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** The user of a membership. */
@ApiSchema("UserRef")
public final class UserRef extends ApiObject {
  public UserRef(JsonObject json) {
    super(json);
  }

  public String email() {
    return string("email");
  }
}
