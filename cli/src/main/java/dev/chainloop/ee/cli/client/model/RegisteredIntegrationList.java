package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.List;

/** The integrations registered in the organization. */
@ApiSchema("RegisteredIntegrationList")
public final class RegisteredIntegrationList extends ApiObject {
  public RegisteredIntegrationList(JsonObject json) {
    super(json);
  }

  public List<RegisteredIntegration> items() {
    return objects("items", RegisteredIntegration::new);
  }
}
