package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/** One revision of a contract. */
@ApiSchema("RevisionResponse")
public final class ContractRevision extends ApiObject {
  public ContractRevision(JsonObject json) {
    super(json);
  }

  public Optional<Integer> revision() {
    return int32("revision");
  }

  public Optional<Instant> createdAt() {
    return instant("createdAt");
  }

  public String rawBody() {
    return string("rawBody");
  }
}
