package dev.chainloop.ee.federation;

import dev.chainloop.ee.platform.error.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One condition of a trust rule: a claim of the ID token must equal a value, or (with {@code *})
 * match a glob where {@code *} stands for any run of characters other than {@code /} and {@code **}
 * for any run at all. Written {@code claim=value} on the CLI and in the API.
 */
public record ClaimCondition(String claim, String value) {

  /**
   * The claims a rule may condition on: GitHub Actions' and GitLab CI's ID token claims that name
   * where and how a job runs (not the time-varying ones such as {@code run_id}).
   */
  public static final Set<String> CLAIMS =
      Set.of(
          "sub",
          "repository",
          "repository_owner",
          "repository_id",
          "ref",
          "ref_type",
          "workflow",
          "job_workflow_ref",
          "environment",
          "event_name",
          "actor",
          "project_path",
          "namespace_path",
          "pipeline_source",
          "ci_config_ref_uri");

  private static final int MAX_VALUE = 512;

  public ClaimCondition {
    Objects.requireNonNull(claim, "claim");
    Objects.requireNonNull(value, "value");
    if (!CLAIMS.contains(claim)) {
      throw new InvalidInputException(
          "conditions", "unknown claim " + claim + "; one of " + String.join(", ", sorted()));
    }
    if (value.isBlank() || value.length() > MAX_VALUE) {
      throw new InvalidInputException(
          "conditions", claim + " needs a value of 1 to " + MAX_VALUE + " characters");
    }
    if (value.chars().allMatch(c -> c == '*' || c == '/')) {
      throw new InvalidInputException(
          "conditions", claim + " would match anything; name the value instead");
    }
  }

  /** Parses {@code claim=value}, as the CLI's {@code --condition} and the API take it. */
  public static ClaimCondition parse(String text) {
    int eq = text == null ? -1 : text.indexOf('=');
    if (eq <= 0) {
      throw new InvalidInputException("conditions", "expected claim=value, got " + text);
    }
    return new ClaimCondition(text.substring(0, eq).trim(), text.substring(eq + 1).trim());
  }

  /** True when the token's claim is a string (or number) that this condition accepts. */
  public boolean matches(Map<String, ?> claims) {
    Object actual = claims.get(claim);
    if (!(actual instanceof String) && !(actual instanceof Number)) {
      return false;
    }
    String text = actual.toString();
    return isGlob() ? glob().matcher(text).matches() : value.equals(text);
  }

  public boolean isGlob() {
    return value.indexOf('*') >= 0;
  }

  /** As written: {@code claim=value}. */
  public String wire() {
    return claim + "=" + value;
  }

  private Pattern glob() {
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < value.length()) {
      int star = value.indexOf('*', i);
      if (star < 0) {
        regex.append(Pattern.quote(value.substring(i)));
        break;
      }
      if (star > i) {
        regex.append(Pattern.quote(value.substring(i, star)));
      }
      boolean deep = star + 1 < value.length() && value.charAt(star + 1) == '*';
      regex.append(deep ? ".*" : "[^/]*");
      i = star + (deep ? 2 : 1);
    }
    return Pattern.compile(regex.toString());
  }

  private static List<String> sorted() {
    return CLAIMS.stream().sorted().toList();
  }
}
