package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An integration registered in the organization; secrets are only named, never sent. */
@ApiSchema("RegisteredIntegrationResponse")
public final class RegisteredIntegration extends ApiObject {
  public RegisteredIntegration(JsonObject json) {
    super(json);
  }

  public String id() {
    return string("id");
  }

  public String name() {
    return string("name");
  }

  public String kind() {
    return string("kind");
  }

  public String description() {
    return string("description");
  }

  public JsonObject config() {
    return object("config", o -> o);
  }

  public List<String> secretOptions() {
    return strings("secretOptions");
  }

  public Optional<Instant> createdAt() {
    return instant("createdAt");
  }

  public Optional<Instant> updatedAt() {
    return instant("updatedAt");
  }
}
