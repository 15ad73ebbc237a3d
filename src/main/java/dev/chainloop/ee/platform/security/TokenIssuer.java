package dev.chainloop.ee.platform.security;

import dev.chainloop.ee.platform.config.ChainloopConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Mints RS256 JWTs with the server key. Every token carries {@code iss}, {@code aud} (its kind's
 * audience), {@code jti}, {@code iat}, {@code exp}, {@code groups} (its kind) and a header {@code
 * typ} naming the kind. The token is never stored: only its {@code jti} row is.
 */
@ApplicationScoped
public class TokenIssuer {
  /**
   * MicroProfile JWT requires {@code exp}; a token that "never expires" gets one far in the future.
   */
  public static final Instant NEVER = Instant.parse("2999-12-31T00:00:00Z");

  @Inject SigningKeys keys;
  @Inject ChainloopConfig config;

  public String issue(
      TokenKind kind,
      String jti,
      String subject,
      Instant issuedAt,
      Instant expiresAt,
      Map<String, String> claims) {
    JsonObjectBuilder header =
        Json.createObjectBuilder()
            .add("alg", "RS256")
            .add("typ", kind.group() + "+jwt")
            .add("kid", keys.keyId());
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("iss", config.issuer())
            .add("aud", Json.createArrayBuilder().add(kind.audience()))
            .add("jti", jti)
            .add("iat", issuedAt.getEpochSecond())
            .add("exp", (expiresAt == null ? NEVER : expiresAt).getEpochSecond())
            .add("groups", Json.createArrayBuilder().add(kind.group()))
            .add("token_type", kind.group());
    if (subject != null) {
      body.add("sub", subject);
    }
    claims.forEach(
        (name, value) -> {
          if (value != null) {
            body.add(name, value);
          }
        });
    String signingInput =
        base64(header.build().toString().getBytes(StandardCharsets.UTF_8))
            + "."
            + base64(body.build().toString().getBytes(StandardCharsets.UTF_8));
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(keys.privateKey());
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + base64(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
  }

  private static String base64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
