package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.List;

/** A page of the audit log, newest first. */
@ApiSchema("PageAuditEventResponse")
public final class AuditEventPage extends Page {
  public AuditEventPage(JsonObject json) {
    super(json);
  }

  public List<AuditEvent> items() {
    return objects("items", AuditEvent::new);
  }
}
