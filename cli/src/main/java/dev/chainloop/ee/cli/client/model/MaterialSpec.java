package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** A material the workflow's contract asks for. */
@ApiSchema("MaterialSpec")
public final class MaterialSpec extends ApiObject {
  public MaterialSpec(JsonObject json) {
    super(json);
  }

  public String name() {
    return string("name");
  }

  public String type() {
    return string("type");
  }

  public boolean optional() {
    return bool("optional");
  }

  public boolean output() {
    return bool("output");
  }
}
