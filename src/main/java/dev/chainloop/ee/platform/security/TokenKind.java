package dev.chainloop.ee.platform.security;

import java.util.Optional;

/**
 * The kinds of bearer token. Each has its own audience and group, so that one kind is never
 * accepted where another is required (RFC 8725 §3.12). The group is also the JAX-RS role name.
 */
public enum TokenKind {
  USER(Roles.USER, "user-auth.chainloop"),
  API_TOKEN(Roles.API_TOKEN, "api-token-auth.chainloop"),
  ROBOT_ACCOUNT(Roles.ROBOT_ACCOUNT, "robot-account.chainloop");

  private final String group;
  private final String audience;

  TokenKind(String group, String audience) {
    this.group = group;
    this.audience = audience;
  }

  public String group() {
    return group;
  }

  public String audience() {
    return audience;
  }

  public static Optional<TokenKind> ofGroup(String group) {
    for (TokenKind kind : values()) {
      if (kind.group.equals(group)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** Role names for {@code @RolesAllowed}. */
  public static final class Roles {
    public static final String USER = "user";
    public static final String API_TOKEN = "api-token";
    public static final String ROBOT_ACCOUNT = "robot-account";

    private Roles() {}
  }
}
