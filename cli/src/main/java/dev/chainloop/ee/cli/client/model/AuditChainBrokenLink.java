package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.Optional;

/** The first event of an audit chain that does not link: where, why, expected and found. */
@ApiSchema("BrokenLink")
public final class AuditChainBrokenLink extends ApiObject {
  public AuditChainBrokenLink(JsonObject json) {
    super(json);
  }

  /** Empty when the event at {@link #position} is missing. */
  public String eventId() {
    return string("eventId");
  }

  public Optional<Long> position() {
    return int64("position");
  }

  public String reason() {
    return string("reason");
  }

  public String expected() {
    return string("expected");
  }

  public String found() {
    return string("found");
  }
}
