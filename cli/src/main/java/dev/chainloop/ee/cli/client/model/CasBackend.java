package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/** A CAS backend of the organization, with its last validation; credentials are never sent. */
@ApiSchema("CasBackendResponse")
public final class CasBackend extends ApiObject {
  public CasBackend(JsonObject json) {
    super(json);
  }

  public String id() {
    return string("id");
  }

  public String name() {
    return string("name");
  }

  public String provider() {
    return string("provider");
  }

  public String location() {
    return string("location");
  }

  public String description() {
    return string("description");
  }

  public Optional<Long> maxBytes() {
    return int64("maxBytes");
  }

  public boolean isDefault() {
    return bool("isDefault");
  }

  public boolean fallback() {
    return bool("fallback");
  }

  public String validationStatus() {
    return string("validationStatus");
  }

  public String validationError() {
    return string("validationError");
  }

  public Optional<Instant> createdAt() {
    return instant("createdAt");
  }

  public Optional<Instant> validatedAt() {
    return instant("validatedAt");
  }
}
