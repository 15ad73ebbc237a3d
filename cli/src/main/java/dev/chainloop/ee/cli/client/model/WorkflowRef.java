package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** The workflow of a run. */
@ApiSchema("WorkflowRef")
public final class WorkflowRef extends ApiObject {
  public WorkflowRef(JsonObject json) {
    super(json);
  }

  public String name() {
    return string("name");
  }

  public String project() {
    return string("project");
  }
}
