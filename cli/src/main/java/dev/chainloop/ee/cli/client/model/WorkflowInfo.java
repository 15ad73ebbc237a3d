package dev.chainloop.ee.cli.client.model;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** The workflow an attestation is crafted for. */
@ApiSchema("WorkflowInfo")
public final class WorkflowInfo extends ApiObject {
  private static final String NAME = "name";
  private static final String PROJECT = "project";

  public WorkflowInfo(JsonObject json) {
    super(json);
  }

  /** What a dry run knows of its workflow without asking the control plane. */
  public static WorkflowInfo of(String name, String project) {
    return new WorkflowInfo(
        Json.createObjectBuilder().add(NAME, name).add(PROJECT, project).build());
  }

  public String id() {
    return string("id");
  }

  public String name() {
    return string(NAME);
  }

  public String project() {
    return string(PROJECT);
  }

  public String team() {
    return string("team");
  }

  /** Empty when the run has no project version. */
  public VersionInfo projectVersion() {
    return object("projectVersion", VersionInfo::new);
  }
}
