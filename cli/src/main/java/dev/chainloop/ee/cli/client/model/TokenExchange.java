package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.Optional;

/** The credential a token exchange issued (RFC 8693 §2.2.1). */
@ApiSchema("TokenExchangeResponse")
public final class TokenExchange extends ApiObject {
  public TokenExchange(JsonObject json) {
    super(json);
  }

  public String accessToken() {
    return string("access_token");
  }

  public Optional<Long> expiresIn() {
    return int64("expires_in");
  }
}
