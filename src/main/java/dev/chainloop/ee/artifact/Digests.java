package dev.chainloop.ee.artifact;

import dev.chainloop.ee.platform.error.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/** {@code sha256:<64 hex>}, the one digest format of the API. */
public final class Digests {
  private static final Pattern SHA256 = Pattern.compile("(sha256:)?([0-9a-f]{64})");

  private Digests() {}

  /** The lower-case hex of a digest given with or without its {@code sha256:} prefix. */
  public static String hex(String digest) {
    var m = SHA256.matcher(digest == null ? "" : digest.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new InvalidInputException("digest", "must be sha256:<64 hex characters>");
    }
    return m.group(2);
  }
}
