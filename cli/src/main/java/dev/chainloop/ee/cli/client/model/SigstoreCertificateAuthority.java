package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** A CA or timestamp authority of a TrustedRoot: its certificate chain, leaf first. */
@ApiSchema("SigstoreCertificateAuthority")
public final class SigstoreCertificateAuthority extends ApiObject {
  public SigstoreCertificateAuthority(JsonObject json) {
    super(json);
  }

  public SigstoreCertificateChain certChain() {
    return object("certChain", SigstoreCertificateChain::new);
  }
}
