package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** A keyless signing certificate chain (PEM, leaf first). */
@ApiSchema("CertificateChain")
public final class CertificateChain extends ApiObject {
  public CertificateChain(JsonObject json) {
    super(json);
  }

  public String chain() {
    return string("chain");
  }
}
