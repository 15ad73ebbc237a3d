package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.Optional;

/** The server's verdict on the organization's audit hash chain. */
@ApiSchema("AuditChainResponse")
public final class AuditChain extends ApiObject {
  public AuditChain(JsonObject json) {
    super(json);
  }

  public boolean intact() {
    return bool("intact");
  }

  /** Linked events checked. */
  public Optional<Long> events() {
    return int64("events");
  }

  /** Events from before the chain existed, not linked and not checked. */
  public Optional<Long> legacyEvents() {
    return int64("legacyEvents");
  }

  public String headHash() {
    return string("headHash");
  }

  /** Empty when the chain is intact. */
  public AuditChainBrokenLink brokenLink() {
    return object("brokenLink", AuditChainBrokenLink::new);
  }
}
