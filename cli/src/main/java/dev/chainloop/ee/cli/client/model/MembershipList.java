package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.List;

/** The caller's memberships. */
@ApiSchema("MembershipList")
public final class MembershipList extends ApiObject {
  public MembershipList(JsonObject json) {
    super(json);
  }

  public List<Membership> items() {
    return objects("items", Membership::new);
  }
}
