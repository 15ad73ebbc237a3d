package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.List;

@ApiSchema("SigstoreCertificateChain")
public final class SigstoreCertificateChain extends ApiObject {
  public SigstoreCertificateChain(JsonObject json) {
    super(json);
  }

  public List<SigstoreX509Certificate> certificates() {
    return objects("certificates", SigstoreX509Certificate::new);
  }
}
