package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.Optional;

/** A user account. */
@ApiSchema("UserResponse")
public final class User extends ApiObject {
  public User(JsonObject json) {
    super(json);
  }

  public Optional<String> email() {
    return optionalString("email");
  }
}
