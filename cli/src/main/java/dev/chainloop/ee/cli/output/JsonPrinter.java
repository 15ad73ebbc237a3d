package dev.chainloop.ee.cli.output;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Iterator;
import java.util.Map;

/**
 * Pretty-prints JSON-P values with 3-space indentation, as the upstream CLI's {@code EncodeJSON}
 * does.
 */
public final class JsonPrinter {
  private static final String INDENT = "   ";

  private JsonPrinter() {}

  public static String print(JsonValue value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, 0);
    return sb.toString();
  }

  private static void write(StringBuilder sb, JsonValue value, int depth) {
    switch (value.getValueType()) {
      case OBJECT -> {
        JsonObject obj = value.asJsonObject();
        if (obj.isEmpty()) {
          sb.append("{}");
          return;
        }
        sb.append("{\n");
        Iterator<Map.Entry<String, JsonValue>> it = obj.entrySet().iterator();
        while (it.hasNext()) {
          Map.Entry<String, JsonValue> e = it.next();
          sb.append(INDENT.repeat(depth + 1));
          quote(sb, e.getKey());
          sb.append(": ");
          write(sb, e.getValue(), depth + 1);
          sb.append(it.hasNext() ? ",\n" : "\n");
        }
        sb.append(INDENT.repeat(depth)).append('}');
      }
      case ARRAY -> {
        JsonArray arr = value.asJsonArray();
        if (arr.isEmpty()) {
          sb.append("[]");
          return;
        }
        sb.append("[\n");
        for (int i = 0; i < arr.size(); i++) {
          sb.append(INDENT.repeat(depth + 1));
          write(sb, arr.get(i), depth + 1);
          sb.append(i < arr.size() - 1 ? ",\n" : "\n");
        }
        sb.append(INDENT.repeat(depth)).append(']');
      }
      case STRING -> quote(sb, ((JsonString) value).getString());
      default -> sb.append(value.toString());
    }
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
