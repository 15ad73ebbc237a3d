package dev.chainloop.ee.platform.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads JSON documents that arrive inside request bodies (bundles, DSSE payloads) with a nesting
 * limit of our own. The JSON-P parser's own depth guard (Parsson, 1000 levels) throws a plain
 * {@link RuntimeException}, which no caller can tell from a bug; this reader builds the document
 * from the parser's events in one pass and stops at the first level past {@link #MAX_DEPTH} with a
 * {@link Malformed} the caller turns into its 400.
 */
public final class BoundedJson {
  /** Deepest nesting accepted: in-toto statements and Sigstore bundles need well under 20. */
  public static final int MAX_DEPTH = 64;

  /**
   * Looked up once: every {@code Json.create...} call looks the provider up again (a class load
   * through OSGi and a service-loader scan), once per nested object of every document here.
   */
  private static final JsonProvider JSON = JsonProvider.provider();

  private BoundedJson() {}

  /**
   * The JSON object in {@code bytes}.
   *
   * @throws Malformed when it is not one JSON object or nests deeper than {@link #MAX_DEPTH}
   */
  public static JsonObject readObject(byte[] bytes) {
    try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(bytes))) {
      if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
        throw new Malformed("is not a JSON object");
      }
      JsonObject root = build(parser);
      if (parser.hasNext()) {
        throw new Malformed("is not a JSON object");
      }
      return root;
    } catch (JsonException | IllegalStateException e) {
      throw new Malformed("is not a JSON object");
    }
  }

  /** The object whose START_OBJECT the parser has just read, built without recursion. */
  private static JsonObject build(JsonParser parser) {
    Deque<Level> open = new ArrayDeque<>();
    open.push(Level.object());
    while (true) {
      JsonParser.Event event = parser.next();
      Level top = open.peek();
      switch (event) {
        case KEY_NAME -> top.key = parser.getString();
        case START_OBJECT, START_ARRAY -> {
          if (open.size() == MAX_DEPTH) {
            throw new Malformed("nests deeper than " + MAX_DEPTH + " levels");
          }
          open.push(event == JsonParser.Event.START_OBJECT ? Level.object() : Level.array());
        }
        case END_OBJECT, END_ARRAY -> {
          JsonValue done = open.pop().value();
          if (open.isEmpty()) {
            return (JsonObject) done;
          }
          open.peek().add(done);
        }
        default -> top.add(parser.getValue());
      }
    }
  }

  /** One open object or array and, for an object, the key its next value goes under. */
  private static final class Level {
    private final JsonObjectBuilder object;
    private final JsonArrayBuilder array;
    private String key;

    private Level(JsonObjectBuilder object, JsonArrayBuilder array) {
      this.object = object;
      this.array = array;
    }

    static Level object() {
      return new Level(JSON.createObjectBuilder(), null);
    }

    static Level array() {
      return new Level(null, JSON.createArrayBuilder());
    }

    void add(JsonValue value) {
      if (object != null) {
        object.add(key, value);
      } else {
        array.add(value);
      }
    }

    JsonValue value() {
      return object != null ? object.build() : array.build();
    }
  }

  /** The document cannot be read; {@link #getMessage()} says why, e.g. "is not a JSON object". */
  public static final class Malformed extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    Malformed(String reason) {
      super(reason);
    }
  }
}
