package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** A user token from a login. */
@ApiSchema("LoginResponse")
public final class Login extends ApiObject {
  public Login(JsonObject json) {
    super(json);
  }

  public String token() {
    return string("token");
  }
}
