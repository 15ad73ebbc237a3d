package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** An annotation a contract requires: a fixed value, or an empty one the push must supply. */
@ApiSchema("AnnotationSpec")
public final class AnnotationSpec extends ApiObject {
  public AnnotationSpec(JsonObject json) {
    super(json);
  }

  public String name() {
    return string("name");
  }

  public String value() {
    return string("value");
  }
}
