package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/** A workflow; {@link #robotAccountKey} is set only in the answer to its creation. */
@ApiSchema("WorkflowResponse")
public final class Workflow extends ApiObject {
  public Workflow(JsonObject json) {
    super(json);
  }

  public String id() {
    return string("id");
  }

  public String name() {
    return string("name");
  }

  public String project() {
    return string("project");
  }

  public String description() {
    return string("description");
  }

  public String team() {
    return string("team");
  }

  public String contractName() {
    return string("contractName");
  }

  public Optional<Integer> contractRevisionLatest() {
    return int32("contractRevisionLatest");
  }

  public Optional<Instant> createdAt() {
    return instant("createdAt");
  }

  public Optional<Long> runsCount() {
    return int64("runsCount");
  }

  public LastRun lastRun() {
    return object("lastRun", LastRun::new);
  }

  public String robotAccountKey() {
    return string("robotAccountKey");
  }
}
