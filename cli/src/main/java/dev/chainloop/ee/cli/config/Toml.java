package dev.chainloop.ee.cli.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The subset of TOML the CLI writes: top-level keys, then {@code [section]} tables, with string,
 * boolean and integer values. Anything else is rejected with the line number rather than guessed
 * at.
 */
public final class Toml {
  private Toml() {}

  /** Parsed document: top-level values plus one nested map per section, in file order. */
  public static Map<String, Object> parse(String text) {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> current = root;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = stripComment(lines[i]).trim();
      if (line.isEmpty()) {
        continue;
      }
      int lineNo = i + 1;
      if (line.startsWith("[")) {
        if (!line.endsWith("]") || line.startsWith("[[")) {
          throw new IllegalArgumentException(
              "line " + lineNo + ": unsupported table header " + line);
        }
        String name = unquoteKey(line.substring(1, line.length() - 1).trim(), lineNo);
        Object existing = root.get(name);
        if (existing != null && !(existing instanceof Map)) {
          throw new IllegalArgumentException(
              "line " + lineNo + ": " + name + " is both a key and a table");
        }
        Map<String, Object> section = new LinkedHashMap<>();
        root.put(name, section);
        current = section;
        continue;
      }
      int eq = findEquals(line);
      if (eq < 0) {
        throw new IllegalArgumentException("line " + lineNo + ": expected key = value");
      }
      String key = unquoteKey(line.substring(0, eq).trim(), lineNo);
      current.put(key, parseValue(line.substring(eq + 1).trim(), lineNo));
    }
    return root;
  }

  private static int findEquals(String line) {
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '=' && !quoted) {
        return i;
      }
    }
    return -1;
  }

  private static String stripComment(String line) {
    boolean inBasic = false;
    boolean inLiteral = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (inBasic && c == '\\') {
        i++;
      } else if (c == '"' && !inLiteral) {
        inBasic = !inBasic;
      } else if (c == '\'' && !inBasic) {
        inLiteral = !inLiteral;
      } else if (c == '#' && !inBasic && !inLiteral) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private static String unquoteKey(String key, int lineNo) {
    if (key.startsWith("\"")) {
      return (String) parseValue(key, lineNo);
    }
    if (key.isEmpty() || !key.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("line " + lineNo + ": unsupported key " + key);
    }
    return key;
  }

  private static Object parseValue(String raw, int lineNo) {
    if (raw.equals("true") || raw.equals("false")) {
      return Boolean.parseBoolean(raw);
    }
    if (raw.matches("[+-]?[0-9]+")) {
      return Long.parseLong(raw);
    }
    if (raw.length() >= 2 && raw.startsWith("'") && raw.endsWith("'")) {
      return raw.substring(1, raw.length() - 1);
    }
    if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
      return unescape(raw.substring(1, raw.length() - 1), lineNo);
    }
    throw new IllegalArgumentException("line " + lineNo + ": unsupported value " + raw);
  }

  private static String unescape(String s, int lineNo) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        throw new IllegalArgumentException("line " + lineNo + ": unescaped quote in string");
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (++i >= s.length()) {
        throw new IllegalArgumentException("line " + lineNo + ": dangling backslash");
      }
      char e = s.charAt(i);
      switch (e) {
        case '"' -> sb.append('"');
        case '\\' -> sb.append('\\');
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'u', 'U' -> {
          int len = e == 'u' ? 4 : 8;
          if (i + len >= s.length()) {
            throw new IllegalArgumentException("line " + lineNo + ": short unicode escape");
          }
          sb.appendCodePoint(Integer.parseInt(s.substring(i + 1, i + 1 + len), 16));
          i += len;
        }
        default -> throw new IllegalArgumentException("line " + lineNo + ": unknown escape \\" + e);
      }
    }
    return sb.toString();
  }

  /**
   * Writes top-level scalars first, then each section, so the output parses back to an equal map.
   */
  public static String write(Map<String, Object> doc) {
    StringBuilder sb = new StringBuilder();
    doc.forEach(
        (k, v) -> {
          if (!(v instanceof Map)) {
            sb.append(key(k)).append(" = ").append(value(v)).append('\n');
          }
        });
    doc.forEach(
        (k, v) -> {
          if (v instanceof Map<?, ?> section) {
            if (sb.length() > 0) {
              sb.append('\n');
            }
            sb.append('[').append(key(k)).append("]\n");
            section.forEach(
                (sk, sv) ->
                    sb.append(key((String) sk)).append(" = ").append(value(sv)).append('\n'));
          }
        });
    return sb.toString();
  }

  private static String key(String k) {
    return k.matches("[A-Za-z0-9_-]+") ? k : quote(k);
  }

  private static String value(Object v) {
    if (v instanceof Boolean || v instanceof Long || v instanceof Integer) {
      return v.toString();
    }
    if (v instanceof String s) {
      return quote(s);
    }
    throw new IllegalArgumentException(
        "unsupported TOML value type " + v.getClass().getSimpleName());
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
