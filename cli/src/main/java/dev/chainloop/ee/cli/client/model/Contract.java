package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A workflow contract, with one of its revisions when described. */
@ApiSchema("ContractResponse")
public final class Contract extends ApiObject {
  public Contract(JsonObject json) {
    super(json);
  }

  public String name() {
    return string("name");
  }

  public String description() {
    return string("description");
  }

  /** The project the contract is scoped to; empty for an organization-wide one. */
  public String project() {
    return string("project");
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

  public Optional<Long> workflowsCount() {
    return int64("workflowsCount");
  }

  public List<String> workflows() {
    return strings("workflows");
  }

  public ContractRevision revision() {
    return object("revision", ContractRevision::new);
  }
}
