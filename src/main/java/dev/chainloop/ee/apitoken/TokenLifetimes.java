package dev.chainloop.ee.apitoken;

import dev.chainloop.ee.platform.config.Durations;
import dev.chainloop.ee.platform.error.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long a new API token lives: what the caller asked for, within the server's bounds ({@code
 * chainloop.api-token.min-expiration}/{@code max-expiration}) and the organization's cap.
 */
@ApplicationScoped
public class TokenLifetimes {
  @Inject
  @ConfigProperty(name = "chainloop.api-token.min-expiration", defaultValue = "1m")
  String minExpiration;

  @Inject
  @ConfigProperty(name = "chainloop.api-token.max-expiration", defaultValue = "366d")
  String maxExpiration;

  /**
   * The expiry of a token created {@code now}; null for none. Without {@code expiresIn} (blank or
   * {@code 0}) a token never expires unless {@code organizationCap} (nullable) bounds it.
   */
  Instant expiry(String expiresIn, Duration organizationCap, Instant now) {
    if (expiresIn == null || expiresIn.isBlank() || expiresIn.trim().equals("0")) {
      return organizationCap == null ? null : now.plus(organizationCap);
    }
    String text = expiresIn.trim();
    if (text.startsWith("-")) {
      throw new InvalidInputException("expiresIn", "must be a positive duration, e.g. 24h, 30d");
    }
    Duration requested;
    try {
      requested = Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("expiresIn", e.getMessage());
    }
    Duration min = Durations.parse(minExpiration);
    Duration max = Durations.parse(maxExpiration);
    if (requested.compareTo(min) < 0) {
      throw new InvalidInputException("expiresIn", "must be at least " + Durations.format(min));
    }
    if (requested.compareTo(max) > 0) {
      throw new InvalidInputException("expiresIn", "must be at most " + Durations.format(max));
    }
    if (organizationCap != null && requested.compareTo(organizationCap) > 0) {
      throw new InvalidInputException(
          "expiresIn",
          "exceeds this organization's maximum API token lifetime of "
              + Durations.format(organizationCap));
    }
    return now.plus(requested);
  }
}
