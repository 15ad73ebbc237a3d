package dev.chainloop.ee.cli.client;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads a JWT's claims without verifying it: only to show local hints (expiry, token kind). The
 * server remains the one judge of a token.
 */
public final class Jwt {
  private Jwt() {}

  public static Optional<JsonObject> claims(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length < 2) {
      return Optional.empty();
    }
    try {
      String json =
          new String(
              Base64.getUrlDecoder().decode(parts[1].replace('=', ' ').trim()),
              StandardCharsets.UTF_8);
      try (JsonReader r = Json.createReader(new StringReader(json))) {
        JsonValue v = r.readValue();
        return v.getValueType() == JsonValue.ValueType.OBJECT
            ? Optional.of(v.asJsonObject())
            : Optional.empty();
      }
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  public static Optional<Instant> expiry(String jwt) {
    return claims(jwt)
        .filter(c -> c.get("exp") instanceof jakarta.json.JsonNumber)
        .map(c -> Instant.ofEpochSecond(c.getJsonNumber("exp").longValue()));
  }

  /** User login tokens carry {@code user_id} or the {@code user-auth.chainloop} audience. */
  public static boolean isUserToken(String jwt) {
    return claims(jwt)
        .map(c -> c.containsKey("user_id") || audience(c).contains("user-auth"))
        .orElse(false);
  }

  private static String audience(JsonObject c) {
    JsonValue aud = c.get("aud");
    return aud == null ? "" : aud.toString();
  }
}
