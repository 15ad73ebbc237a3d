package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** The project an API token is scoped to. */
@ApiSchema("ProjectRef")
public final class ProjectRef extends ApiObject {
  public ProjectRef(JsonObject json) {
    super(json);
  }

  public String name() {
    return string("name");
  }
}
