package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.List;

/** An integration kind and the JSON Schemas of its registration and attachment options. */
@ApiSchema("AvailableIntegration")
public final class AvailableIntegration extends ApiObject {
  public AvailableIntegration(JsonObject json) {
    super(json);
  }

  public String name() {
    return string("name");
  }

  public String version() {
    return string("version");
  }

  public String description() {
    return string("description");
  }

  public List<String> subscribedInputs() {
    return strings("subscribedInputs");
  }

  public JsonObject registrationSchema() {
    return object("registrationSchema", o -> o);
  }

  public JsonObject attachmentSchema() {
    return object("attachmentSchema", o -> o);
  }
}
