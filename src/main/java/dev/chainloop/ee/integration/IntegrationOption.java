package dev.chainloop.ee.integration;

import dev.chainloop.ee.platform.error.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * One {@code --opt key=value} an integration kind takes at registration or attachment. A secret one
 * is stored encrypted and never shown again; a URL one must be absolute http(s).
 */
public record IntegrationOption(
    String name, Type type, boolean required, boolean secret, String description, String fallback) {

  /** The JSON Schema type an option's text is read as. */
  public enum Type {
    STRING,
    URL,
    BOOLEAN
  }

  static IntegrationOption required(String name, Type type, String description) {
    return new IntegrationOption(name, type, true, false, description, null);
  }

  static IntegrationOption secret(String name, Type type, String description) {
    return new IntegrationOption(name, type, true, true, description, null);
  }

  static IntegrationOption optional(
      String name, Type type, String description, String defaultValue) {
    return new IntegrationOption(name, type, false, false, description, defaultValue);
  }

  /** {@code value} checked and normalized; {@code field} names it in the 400. */
  String check(String field, String value) {
    String v = value == null ? "" : value.trim();
    if (v.isEmpty()) {
      throw new InvalidInputException(field, "must not be empty");
    }
    return switch (type) {
      case STRING -> v;
      case BOOLEAN -> {
        String b = v.toLowerCase(Locale.ROOT);
        if (!b.equals("true") && !b.equals("false")) {
          throw new InvalidInputException(field, "must be true or false");
        }
        yield b;
      }
      case URL -> {
        try {
          URI uri = new URI(v);
          String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
          if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new InvalidInputException(field, "must be an absolute http or https URL");
          }
          if (uri.getUserInfo() != null) {
            throw new InvalidInputException(field, "must not carry credentials in the URL");
          }
          yield v;
        } catch (URISyntaxException e) {
          throw new InvalidInputException(field, "is not a valid URL");
        }
      }
    };
  }

  String jsonType() {
    return type == Type.BOOLEAN ? "boolean" : "string";
  }
}
