package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** The API token making a call. */
@ApiSchema("TokenRef")
public final class TokenRef extends ApiObject {
  public TokenRef(JsonObject json) {
    super(json);
  }

  public String name() {
    return string("name");
  }
}
