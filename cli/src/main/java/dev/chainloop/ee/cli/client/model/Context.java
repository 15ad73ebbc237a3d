package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** Who is calling and which organization the call acts on. */
@ApiSchema("ContextResponse")
public final class Context extends ApiObject {
  public Context(JsonObject json) {
    super(json);
  }

  public ContextUser user() {
    return object("user", ContextUser::new);
  }

  public TokenRef apiToken() {
    return object("apiToken", TokenRef::new);
  }

  public ContextOrganization organization() {
    return object("organization", ContextOrganization::new);
  }
}
