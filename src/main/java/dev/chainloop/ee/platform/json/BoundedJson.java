package dev.chainloop.ee.platform.json;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;

/**
 * Reads JSON documents that arrive inside request bodies (bundles, DSSE payloads) with a nesting
 * limit of our own. The JSON-P parser's own depth guard (Parsson, 1000 levels) throws a plain
 * {@link RuntimeException}, which no caller can tell from a bug; this reader refuses a deeper
 * document itself, before building it, with a {@link Malformed} the caller turns into its 400.
 */
public final class BoundedJson {
  /** Deepest nesting accepted: in-toto statements and Sigstore bundles need well under 20. */
  public static final int MAX_DEPTH = 64;

  private BoundedJson() {}

  /**
   * The JSON object in {@code bytes}.
   *
   * @throws Malformed when it is not one JSON object or nests deeper than {@link #MAX_DEPTH}
   */
  public static JsonObject readObject(byte[] bytes) {
    checkDepth(bytes);
    try (var reader = Json.createReader(new ByteArrayInputStream(bytes))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new Malformed("is not a JSON object");
    }
  }

  private static void checkDepth(byte[] bytes) {
    int depth = 0;
    try (JsonParser parser = Json.createParser(new ByteArrayInputStream(bytes))) {
      while (parser.hasNext()) {
        switch (parser.next()) {
          case START_OBJECT, START_ARRAY -> {
            if (++depth > MAX_DEPTH) {
              throw new Malformed("nests deeper than " + MAX_DEPTH + " levels");
            }
          }
          case END_OBJECT, END_ARRAY -> depth--;
          default -> {
            // scalars and keys do not nest
          }
        }
      }
    } catch (JsonException | IllegalStateException e) {
      throw new Malformed("is not a JSON object");
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
