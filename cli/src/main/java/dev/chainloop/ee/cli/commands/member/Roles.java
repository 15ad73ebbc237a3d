package dev.chainloop.ee.cli.commands.member;

import dev.chainloop.ee.cli.framework.UsageException;
import java.util.List;
import java.util.Locale;

/** Membership roles accepted by the API. */
public final class Roles {
  public static final List<String> ALL =
      List.of("owner", "admin", "viewer", "member", "contributor");
  public static final String HELP = "role: owner, admin, viewer, member or contributor";

  private Roles() {}

  public static String check(String raw) {
    String role = raw.trim().toLowerCase(Locale.ROOT);
    if (!ALL.contains(role)) {
      throw new UsageException(
          "invalid role \"" + raw + "\": valid roles are " + String.join(", ", ALL));
    }
    return role;
  }
}
