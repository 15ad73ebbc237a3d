package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/** A workflow run. */
@ApiSchema("RunView")
public final class Run extends ApiObject {
  public Run(JsonObject json) {
    super(json);
  }

  public String id() {
    return string("id");
  }

  public String status() {
    return string("status");
  }

  public WorkflowRef workflow() {
    return object("workflow", WorkflowRef::new);
  }

  /** Empty when the run has no project version. */
  public ProjectVersion version() {
    return object("version", ProjectVersion::new);
  }

  /** Empty unless a federated credential started the run. */
  public CiJob ciIdentity() {
    return object("ciIdentity", CiJob::new);
  }

  public String runnerType() {
    return string("runnerType");
  }

  public Optional<Instant> createdAt() {
    return instant("createdAt");
  }

  public Optional<Instant> finishedAt() {
    return instant("finishedAt");
  }

  /** passed, failed or bypassed; absent when the contract attaches no policy. */
  public Optional<String> policyStatus() {
    return optionalString("policyStatus");
  }
}
