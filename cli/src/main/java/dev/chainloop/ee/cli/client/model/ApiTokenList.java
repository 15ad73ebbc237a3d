package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** A page of the organization's API tokens, oldest first. */
@ApiSchema("ApiTokenList")
public final class ApiTokenList extends ApiObject {
  public ApiTokenList(JsonObject json) {
    super(json);
  }

  public List<ApiToken> items() {
    return objects("items", ApiToken::new);
  }

  /** The cursor of the following page; empty on the last one. */
  public Optional<String> nextCursor() {
    return optionalString("nextCursor");
  }
}
