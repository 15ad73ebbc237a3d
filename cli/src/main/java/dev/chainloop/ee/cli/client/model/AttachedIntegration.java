package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/** A registered integration attached to a workflow. */
@ApiSchema("AttachedIntegrationResponse")
public final class AttachedIntegration extends ApiObject {
  public AttachedIntegration(JsonObject json) {
    super(json);
  }

  public String id() {
    return string("id");
  }

  public String integration() {
    return string("integration");
  }

  public String kind() {
    return string("kind");
  }

  public String workflow() {
    return string("workflow");
  }

  public String project() {
    return string("project");
  }

  public JsonObject config() {
    return object("config", o -> o);
  }

  public Optional<Instant> createdAt() {
    return instant("createdAt");
  }
}
