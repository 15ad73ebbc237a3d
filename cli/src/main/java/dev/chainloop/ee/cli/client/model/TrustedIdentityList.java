package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.List;

/** The organization's trusted identities. */
@ApiSchema("TrustedIdentityList")
public final class TrustedIdentityList extends ApiObject {
  public TrustedIdentityList(JsonObject json) {
    super(json);
  }

  public List<TrustedIdentity> items() {
    return objects("items", TrustedIdentity::new);
  }
}
