package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** The control plane's status (no authentication needed). */
@ApiSchema("StatusResponse")
public final class Status extends ApiObject {
  public Status(JsonObject json) {
    super(json);
  }

  public String version() {
    return string("version");
  }
}
