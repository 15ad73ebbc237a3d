package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.List;

/** A workflow's robot accounts. */
@ApiSchema("RobotAccountList")
public final class RobotAccountList extends ApiObject {
  public RobotAccountList(JsonObject json) {
    super(json);
  }

  public List<RobotAccount> items() {
    return objects("items", RobotAccount::new);
  }
}
