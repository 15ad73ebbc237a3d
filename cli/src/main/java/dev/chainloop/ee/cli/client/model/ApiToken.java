package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/** An API token; {@link #token} is set only in the answer to its creation. */
@ApiSchema("ApiTokenResponse")
public final class ApiToken extends ApiObject {
  public ApiToken(JsonObject json) {
    super(json);
  }

  public String id() {
    return string("id");
  }

  public String name() {
    return string("name");
  }

  public String description() {
    return string("description");
  }

  public String scope() {
    return string("scope");
  }

  public ProjectRef project() {
    return object("project", ProjectRef::new);
  }

  public String status() {
    return string("status");
  }

  public Optional<Instant> createdAt() {
    return instant("createdAt");
  }

  public Optional<Instant> expiresAt() {
    return instant("expiresAt");
  }

  public Optional<Instant> revokedAt() {
    return instant("revokedAt");
  }

  public Optional<Instant> lastUsedAt() {
    return instant("lastUsedAt");
  }

  public String token() {
    return string("token");
  }
}
