package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.List;

/** The organization's CAS backends. */
@ApiSchema("CasBackendList")
public final class CasBackendList extends ApiObject {
  public CasBackendList(JsonObject json) {
    super(json);
  }

  public List<CasBackend> items() {
    return objects("items", CasBackend::new);
  }
}
