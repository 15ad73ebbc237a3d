package dev.chainloop.ee.federation;

import dev.chainloop.ee.platform.error.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a trust rule accepts: ID tokens from one issuer (an {@code https} URL, compared exactly with
 * the token's {@code iss}), for one audience, whose claims meet every condition. At least one
 * condition naming who runs the job (the repository, its owner, the subject or the project path) is
 * required, so that no rule trusts every pipeline of a public CI provider.
 */
public record TrustTerms(String issuer, String audience, List<ClaimCondition> conditions) {

  /** The longest life of a credential exchanged for an ID token. */
  public static final Duration MAX_EXCHANGED_LIFE = Duration.ofHours(1);

  private static final List<String> IDENTIFYING =
      List.of(
          "repository",
          "repository_owner",
          "repository_id",
          "sub",
          "project_path",
          "namespace_path");

  public TrustTerms {
    Objects.requireNonNull(conditions, "conditions");
    issuer = checkedIssuer(issuer);
    if (audience == null || audience.isBlank() || audience.length() > 256) {
      throw new InvalidInputException("audience", "needs 1 to 256 characters");
    }
    audience = audience.trim();
    conditions = List.copyOf(conditions);
    if (conditions.stream().noneMatch(c -> IDENTIFYING.contains(c.claim()))) {
      throw new InvalidInputException(
          "conditions", "name the pipeline with one of " + String.join(", ", IDENTIFYING));
    }
  }

  /** True when every condition accepts the (already verified) token's claims. */
  public boolean accepts(Map<String, ?> claims) {
    return conditions.stream().allMatch(c -> c.matches(claims));
  }

  /** The first condition the claims fail, for the audit record of a refusal. */
  public Optional<ClaimCondition> firstUnmet(Map<String, ?> claims) {
    return conditions.stream().filter(c -> !c.matches(claims)).findFirst();
  }

  /**
   * How long a credential exchanged for a token expiring at {@code expiry} may live: the token's
   * remaining life, at most {@link #MAX_EXCHANGED_LIFE}; zero once it has expired.
   */
  public static Duration exchangedLife(Instant expiry, Instant now) {
    Duration remaining = Duration.between(now, expiry);
    if (remaining.isNegative()) {
      return Duration.ZERO;
    }
    return remaining.compareTo(MAX_EXCHANGED_LIFE) > 0 ? MAX_EXCHANGED_LIFE : remaining;
  }

  private static String checkedIssuer(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("issuer", "is required");
    }
    String value = text.trim();
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new InvalidInputException("issuer", "is not a URL");
    }
    if (!"https".equals(uri.getScheme())
        || uri.getHost() == null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null
        || uri.getRawUserInfo() != null) {
      throw new InvalidInputException(
          "issuer", "must be an https URL without user, query or fragment");
    }
    return value;
  }
}
