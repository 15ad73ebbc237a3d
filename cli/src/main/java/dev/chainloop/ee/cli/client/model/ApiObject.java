package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A JSON object of the control plane read through typed accessors. The object is kept as received,
 * so {@code -o json} prints exactly what the server sent, fields unknown to the CLI included.
 *
 * <p>Each public accessor of a subclass reads one field, named once in its body, and its return
 * type is the field's type: the drift test calls every accessor and checks the field it read and
 * its type against the view's {@link ApiSchema}. A missing, null or mistyped field reads as absent
 * ({@code ""}, {@code false}, empty), never as an exception.
 */
public abstract class ApiObject {
  private final JsonObject json;

  protected ApiObject(JsonObject json) {
    this.json = json == null ? JsonValue.EMPTY_JSON_OBJECT : json;
  }

  /** The object as the control plane sent it. */
  public final JsonObject json() {
    return json;
  }

  /** True for an absent nested object, or one the control plane sent without fields. */
  public final boolean isEmpty() {
    return json.isEmpty();
  }

  /** An array of the objects as received, e.g. the items of a list for {@code -o json}. */
  public static JsonArray array(List<? extends ApiObject> objects) {
    var b = jakarta.json.Json.createArrayBuilder();
    objects.forEach(o -> b.add(o.json()));
    return b.build();
  }

  protected final String string(String name) {
    return optionalString(name).orElse("");
  }

  protected final Optional<String> optionalString(String name) {
    JsonValue v = json.get(name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return Optional.empty();
    }
    return Optional.of(v instanceof JsonString s ? s.getString() : v.toString());
  }

  protected final boolean bool(String name) {
    return json.get(name) == JsonValue.TRUE;
  }

  protected final Optional<Integer> int32(String name) {
    return json.get(name) instanceof JsonNumber n ? Optional.of(n.intValue()) : Optional.empty();
  }

  protected final Optional<Long> int64(String name) {
    return json.get(name) instanceof JsonNumber n ? Optional.of(n.longValue()) : Optional.empty();
  }

  /** An RFC 3339 timestamp; one the CLI cannot parse reads as absent. */
  protected final Optional<Instant> instant(String name) {
    if (!(json.get(name) instanceof JsonString s) || s.getString().isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(s.getString()));
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(OffsetDateTime.parse(s.getString()).toInstant());
      } catch (DateTimeParseException notRfc3339) {
        return Optional.empty();
      }
    }
  }

  /** A nested object; when absent, a view of an empty object (see {@link #isEmpty}). */
  protected final <T> T object(String name, Function<JsonObject, T> view) {
    return view.apply(json.get(name) instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT);
  }

  protected final <T> List<T> objects(String name, Function<JsonObject, T> view) {
    if (!(json.get(name) instanceof JsonArray a)) {
      return List.of();
    }
    return a.stream()
        .filter(JsonObject.class::isInstance)
        .map(v -> view.apply((JsonObject) v))
        .toList();
  }

  protected final List<String> strings(String name) {
    if (!(json.get(name) instanceof JsonArray a)) {
      return List.of();
    }
    return a.stream()
        .filter(JsonString.class::isInstance)
        .map(v -> ((JsonString) v).getString())
        .toList();
  }
}
