package dev.chainloop.ee.cli.client;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * Lenient readers for API responses: a missing or null field reads as empty, never as an exception.
 */
public final class Json {
  private Json() {}

  public static JsonObjectBuilder object() {
    return jakarta.json.Json.createObjectBuilder();
  }

  public static String str(JsonObject o, String key) {
    return opt(o, key).orElse("");
  }

  public static Optional<String> opt(JsonObject o, String key) {
    if (o == null) {
      return Optional.empty();
    }
    JsonValue v = o.get(key);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return Optional.empty();
    }
    if (v instanceof JsonString s) {
      return Optional.of(s.getString());
    }
    return Optional.of(v.toString());
  }

  public static boolean bool(JsonObject o, String key) {
    return o != null && o.get(key) == JsonValue.TRUE;
  }

  public static long num(JsonObject o, String key, long fallback) {
    return o != null && o.get(key) instanceof JsonNumber n ? n.longValue() : fallback;
  }

  /** A nested object, or an empty one. */
  public static JsonObject obj(JsonObject o, String key) {
    if (o != null && o.get(key) instanceof JsonObject nested) {
      return nested;
    }
    return JsonValue.EMPTY_JSON_OBJECT;
  }

  public static JsonObject asObject(JsonValue v) {
    return v instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
  }

  /** The {@code items} array of a list response. */
  public static JsonArray items(JsonValue response) {
    JsonObject o = asObject(response);
    return o.get("items") instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
  }

  public static List<JsonObject> objects(JsonArray array) {
    return array.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
  }

  public static JsonArray array(List<JsonObject> values) {
    var b = jakarta.json.Json.createArrayBuilder();
    values.forEach(b::add);
    return b.build();
  }

  public static JsonArray strings(List<String> values) {
    var b = jakarta.json.Json.createArrayBuilder();
    values.forEach(b::add);
    return b.build();
  }

  public static JsonValue value(String s) {
    return jakarta.json.Json.createValue(s);
  }
}
