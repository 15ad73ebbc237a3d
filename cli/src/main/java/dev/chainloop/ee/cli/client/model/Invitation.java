package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/** An invitation to join the organization. */
@ApiSchema("InvitationResponse")
public final class Invitation extends ApiObject {
  public Invitation(JsonObject json) {
    super(json);
  }

  public String id() {
    return string("id");
  }

  public String receiverEmail() {
    return string("receiverEmail");
  }

  public String role() {
    return string("role");
  }

  public String status() {
    return string("status");
  }

  public Optional<Instant> createdAt() {
    return instant("createdAt");
  }
}
