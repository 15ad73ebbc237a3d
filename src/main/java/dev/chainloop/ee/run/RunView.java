package dev.chainloop.ee.run;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** A run as the API shows it. */
@JsonbPropertyOrder({
  "id",
  "state",
  "status",
  "reason",
  "workflow",
  "runnerType",
  "runUrl",
  "contractRevisionUsed",
  "contractRevisionLatest",
  "createdAt",
  "finishedAt",
  "attestationDigest"
})
public record RunView(
    String id,
    String state,
    String status,
    String reason,
    WorkflowRef workflow,
    String runnerType,
    String runUrl,
    int contractRevisionUsed,
    int contractRevisionLatest,
    Instant createdAt,
    Instant finishedAt,
    String attestationDigest) {

  public record WorkflowRef(String id, String name, String project, String team) {}
}
