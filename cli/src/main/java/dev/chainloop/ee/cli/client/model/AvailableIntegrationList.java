package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.List;

/** The integration kinds of the control plane. */
@ApiSchema("AvailableIntegrationList")
public final class AvailableIntegrationList extends ApiObject {
  public AvailableIntegrationList(JsonObject json) {
    super(json);
  }

  public List<AvailableIntegration> items() {
    return objects("items", AvailableIntegration::new);
  }
}
