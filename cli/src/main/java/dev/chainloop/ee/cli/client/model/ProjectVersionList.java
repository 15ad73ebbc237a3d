package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.List;

/** A project's versions, newest first. */
@ApiSchema("ProjectVersionList")
public final class ProjectVersionList extends ApiObject {
  public ProjectVersionList(JsonObject json) {
    super(json);
  }

  public List<ProjectVersion> items() {
    return objects("items", ProjectVersion::new);
  }
}
