package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** A run's attestation: its digest and Sigstore bundle (base64). */
@ApiSchema("AttestationInfo")
public final class AttestationInfo extends ApiObject {
  public AttestationInfo(JsonObject json) {
    super(json);
  }

  public String digest() {
    return string("digest");
  }

  public String bundle() {
    return string("bundle");
  }
}
