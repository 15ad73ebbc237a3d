package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** The digest of a stored attestation bundle. */
@ApiSchema("StoreResponse")
public final class Stored extends ApiObject {
  public Stored(JsonObject json) {
    super(json);
  }

  public String digest() {
    return string("digest");
  }
}
