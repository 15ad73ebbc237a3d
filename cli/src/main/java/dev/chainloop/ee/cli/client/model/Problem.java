package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** An RFC 9457 error answer: what the user is told is its detail, else its title. */
@ApiSchema("Problem")
public final class Problem extends ApiObject {
  public Problem(JsonObject json) {
    super(json);
  }

  public String title() {
    return string("title");
  }

  public String detail() {
    return string("detail");
  }
}
