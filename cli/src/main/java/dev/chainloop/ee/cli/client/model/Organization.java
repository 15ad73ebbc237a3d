package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.Optional;

/** An organization. */
@ApiSchema("OrganizationResponse")
public final class Organization extends ApiObject {
  public Organization(JsonObject json) {
    super(json);
  }

  public Optional<String> name() {
    return optionalString("name");
  }

  /** ADVISORY or ENFORCED. */
  public Optional<String> policyStrategy() {
    return optionalString("policyStrategy");
  }
}
