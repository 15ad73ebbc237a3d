package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** A DER certificate, base64. */
@ApiSchema("SigstoreX509Certificate")
public final class SigstoreX509Certificate extends ApiObject {
  public SigstoreX509Certificate(JsonObject json) {
    super(json);
  }

  public String rawBytes() {
    return string("rawBytes");
  }
}
