package dev.chainloop.ee.integration;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Option maps as the JSON text the entities keep, and split into clear and secret halves. */
final class OptionMaps {
  private OptionMaps() {}

  static String toJson(Map<String, String> options) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    options.forEach(b::add);
    return b.build().toString();
  }

  static Map<String, String> fromJson(String json) {
    Map<String, String> out = new LinkedHashMap<>();
    if (json == null || json.isBlank()) {
      return out;
    }
    try (var reader = Json.createReader(new StringReader(json))) {
      JsonObject o = reader.readObject();
      o.forEach((k, v) -> out.put(k, v instanceof JsonString s ? s.getString() : v.toString()));
    }
    return out;
  }

  /** The options of {@code all} that {@code spec} marks secret ({@code secret}) or not. */
  static Map<String, String> part(
      List<IntegrationOption> spec, Map<String, String> all, boolean secret) {
    Map<String, String> out = new LinkedHashMap<>();
    for (IntegrationOption o : spec) {
      if (o.secret() == secret && all.containsKey(o.name())) {
        out.put(o.name(), all.get(o.name()));
      }
    }
    return out;
  }
}
