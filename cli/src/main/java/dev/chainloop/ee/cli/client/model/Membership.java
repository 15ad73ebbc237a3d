package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/** One of the caller's memberships. */
@ApiSchema("MembershipResponse")
public final class Membership extends ApiObject {
  public Membership(JsonObject json) {
    super(json);
  }

  public String id() {
    return string("id");
  }

  public OrganizationRef organization() {
    return object("organization", OrganizationRef::new);
  }

  public String role() {
    return string("role");
  }

  public boolean current() {
    return bool("current");
  }

  public boolean isDefault() {
    return bool("default");
  }

  public Optional<Instant> joinedAt() {
    return instant("joinedAt");
  }
}
