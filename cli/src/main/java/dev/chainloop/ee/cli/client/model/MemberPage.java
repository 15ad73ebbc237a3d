package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.List;

/** A page of the organization's members. */
@ApiSchema("PageMemberResponse")
public final class MemberPage extends Page {
  public MemberPage(JsonObject json) {
    super(json);
  }

  public List<Member> items() {
    return objects("items", Member::new);
  }
}
