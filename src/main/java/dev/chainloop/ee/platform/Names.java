package dev.chainloop.ee.platform;

import dev.chainloop.ee.platform.error.InvalidInputException;
import java.util.regex.Pattern;

/** Names of organizations, projects, workflows, contracts and tokens are DNS-1123 labels. */
public final class Names {
  private static final Pattern DNS_1123 = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");

  private Names() {}

  public static String requireDns1123(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, "is required");
    }
    if (value.length() > 63 || !DNS_1123.matcher(value).matches()) {
      throw new InvalidInputException(
          field,
          "\""
              + value
              + "\" is not a valid name: use at most 63 lower-case letters, digits and '-',"
              + " starting and ending with a letter or digit");
    }
    return value;
  }
}
