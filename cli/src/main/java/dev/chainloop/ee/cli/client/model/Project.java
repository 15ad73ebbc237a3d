package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/** A project of the organization. */
@ApiSchema("ProjectResponse")
public final class Project extends ApiObject {
  public Project(JsonObject json) {
    super(json);
  }

  public String name() {
    return string("name");
  }

  public Optional<Instant> createdAt() {
    return instant("createdAt");
  }

  public Optional<Long> workflowsCount() {
    return int64("workflowsCount");
  }
}
