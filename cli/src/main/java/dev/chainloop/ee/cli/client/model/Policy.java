package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/** A policy of the organization or of the built-in library, at one revision. */
@ApiSchema("PolicyResponse")
public final class Policy extends ApiObject {
  public Policy(JsonObject json) {
    super(json);
  }

  public String name() {
    return string("name");
  }

  public String description() {
    return string("description");
  }

  public boolean builtin() {
    return bool("builtin");
  }

  public Optional<Integer> revision() {
    return int32("revision");
  }

  public Optional<Integer> latestRevision() {
    return int32("latestRevision");
  }

  public Optional<Instant> createdAt() {
    return instant("createdAt");
  }

  public Optional<Instant> updatedAt() {
    return instant("updatedAt");
  }

  public String body() {
    return string("body");
  }
}
