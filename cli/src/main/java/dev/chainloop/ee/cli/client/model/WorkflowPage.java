package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.List;

/** A page of workflows, newest first. */
@ApiSchema("PageWorkflowResponse")
public final class WorkflowPage extends Page {
  public WorkflowPage(JsonObject json) {
    super(json);
  }

  public List<Workflow> items() {
    return objects("items", Workflow::new);
  }
}
