package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.List;

/** The organization's contracts. */
@ApiSchema("ContractList")
public final class ContractList extends ApiObject {
  public ContractList(JsonObject json) {
    super(json);
  }

  public List<Contract> items() {
    return objects("items", Contract::new);
  }
}
