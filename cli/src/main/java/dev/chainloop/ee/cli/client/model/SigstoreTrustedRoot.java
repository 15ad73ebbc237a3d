package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.List;

/** The control plane's trust anchors as a Sigstore TrustedRoot document (what verifiers need). */
@ApiSchema("SigstoreTrustedRoot")
public final class SigstoreTrustedRoot extends ApiObject {
  public SigstoreTrustedRoot(JsonObject json) {
    super(json);
  }

  public List<SigstoreCertificateAuthority> certificateAuthorities() {
    return objects("certificateAuthorities", SigstoreCertificateAuthority::new);
  }

  public List<SigstoreCertificateAuthority> timestampAuthorities() {
    return objects("timestampAuthorities", SigstoreCertificateAuthority::new);
  }
}
