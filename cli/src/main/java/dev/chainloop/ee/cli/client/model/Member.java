package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/** A member of the organization. */
@ApiSchema("MemberResponse")
public final class Member extends ApiObject {
  public Member(JsonObject json) {
    super(json);
  }

  public String id() {
    return string("id");
  }

  public UserRef user() {
    return object("user", UserRef::new);
  }

  public String role() {
    return string("role");
  }

  public Optional<Instant> joinedAt() {
    return instant("joinedAt");
  }
}
