package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.List;

/** The organization's projects. */
@ApiSchema("ProjectList")
public final class ProjectList extends ApiObject {
  public ProjectList(JsonObject json) {
    super(json);
  }

  public List<Project> items() {
    return objects("items", Project::new);
  }
}
