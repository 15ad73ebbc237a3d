package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** The keyless signing CA certificate (PEM). */
@ApiSchema("TrustedRoot")
public final class TrustedRoot extends ApiObject {
  public TrustedRoot(JsonObject json) {
    super(json);
  }

  public String certificate() {
    return string("certificate");
  }
}
