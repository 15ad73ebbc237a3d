package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** The organization a call acts on, with the caller's role. */
@ApiSchema("OrganizationRef1")
public final class ContextOrganization extends ApiObject {
  public ContextOrganization(JsonObject json) {
    super(json);
  }

  public String name() {
    return string("name");
  }

  public String role() {
    return string("role");
  }
}
