package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/** One entry of the organization's audit log. */
@ApiSchema("AuditEventResponse")
public final class AuditEvent extends ApiObject {
  public AuditEvent(JsonObject json) {
    super(json);
  }

  public Optional<Instant> occurredAt() {
    return instant("occurredAt");
  }

  public String action() {
    return string("action");
  }

  public String actor() {
    return string("actor");
  }

  public String targetType() {
    return string("targetType");
  }

  public String targetId() {
    return string("targetId");
  }

  public String detail() {
    return string("detail");
  }
}
