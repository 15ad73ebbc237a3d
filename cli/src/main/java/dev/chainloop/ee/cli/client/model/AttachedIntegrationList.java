package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.List;

/** Integrations attached to workflows. */
@ApiSchema("AttachedIntegrationList")
public final class AttachedIntegrationList extends ApiObject {
  public AttachedIntegrationList(JsonObject json) {
    super(json);
  }

  public List<AttachedIntegration> items() {
    return objects("items", AttachedIntegration::new);
  }
}
