package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.List;

/** The organization's API tokens. */
@ApiSchema("ApiTokenList")
public final class ApiTokenList extends ApiObject {
  public ApiTokenList(JsonObject json) {
    super(json);
  }

  public List<ApiToken> items() {
    return objects("items", ApiToken::new);
  }
}
