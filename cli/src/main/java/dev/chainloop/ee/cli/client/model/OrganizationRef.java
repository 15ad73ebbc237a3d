package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** The organization of a membership. */
@ApiSchema("OrganizationRef")
public final class OrganizationRef extends ApiObject {
  public OrganizationRef(JsonObject json) {
    super(json);
  }

  public String name() {
    return string("name");
  }
}
