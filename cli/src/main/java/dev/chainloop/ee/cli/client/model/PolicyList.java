package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.List;

/** The organization's policies, then the built-in library. */
@ApiSchema("PolicyList")
public final class PolicyList extends ApiObject {
  public PolicyList(JsonObject json) {
    super(json);
  }

  public List<Policy> items() {
    return objects("items", Policy::new);
  }
}
