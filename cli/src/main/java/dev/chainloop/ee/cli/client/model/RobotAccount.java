package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/** A robot account of a workflow (legacy); {@link #key} is set only at creation. */
@ApiSchema("RobotAccountResponse")
public final class RobotAccount extends ApiObject {
  public RobotAccount(JsonObject json) {
    super(json);
  }

  public String id() {
    return string("id");
  }

  public String name() {
    return string("name");
  }

  public String workflowId() {
    return string("workflowId");
  }

  public Optional<Instant> createdAt() {
    return instant("createdAt");
  }

  public Optional<Instant> revokedAt() {
    return instant("revokedAt");
  }

  public String key() {
    return string("key");
  }
}
