package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A trust rule for CI jobs' OIDC ID tokens. */
@ApiSchema("TrustedIdentityResponse")
public final class TrustedIdentity extends ApiObject {
  public TrustedIdentity(JsonObject json) {
    super(json);
  }

  public String id() {
    return string("id");
  }

  public String issuer() {
    return string("issuer");
  }

  public String audience() {
    return string("audience");
  }

  public List<String> conditions() {
    return strings("conditions");
  }

  public String scope() {
    return string("scope");
  }

  public List<String> permissions() {
    return strings("permissions");
  }

  public Optional<Instant> createdAt() {
    return instant("createdAt");
  }
}
