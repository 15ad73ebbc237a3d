package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** The latest run of a workflow. */
@ApiSchema("LastRun")
public final class LastRun extends ApiObject {
  public LastRun(JsonObject json) {
    super(json);
  }

  public String runnerType() {
    return string("runnerType");
  }

  public String state() {
    return string("state");
  }
}
