package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.List;

/** The invitations sent by the organization. */
@ApiSchema("InvitationList")
public final class InvitationList extends ApiObject {
  public InvitationList(JsonObject json) {
    super(json);
  }

  public List<Invitation> items() {
    return objects("items", Invitation::new);
  }
}
