package dev.chainloop.ee.apitoken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chainloop.ee.platform.error.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenLifetimesTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static TokenLifetimes lifetimes() {
    TokenLifetimes lifetimes = new TokenLifetimes();
    lifetimes.minExpiration = "1m";
    lifetimes.maxExpiration = "366d";
    return lifetimes;
  }

  @Test
  void noLifetimeMeansNoExpiryUnlessTheOrganizationCapsIt() {
    assertThat(lifetimes().expiry(null, null, NOW)).isNull();
    assertThat(lifetimes().expiry(" 0 ", null, NOW)).isNull();
    assertThat(lifetimes().expiry("", Duration.ofDays(30), NOW))
        .isEqualTo(NOW.plus(Duration.ofDays(30)));
  }

  @Test
  void aRequestedLifetimeCountsFromNow() {
    assertThat(lifetimes().expiry("24h", null, NOW)).isEqualTo(NOW.plus(Duration.ofHours(24)));
    assertThat(lifetimes().expiry("2w", Duration.ofDays(30), NOW))
        .isEqualTo(NOW.plus(Duration.ofDays(14)));
  }

  @Test
  void lifetimesOutsideTheBoundsAreRefusedWithTheBoundInTheMessage() {
    assertThatThrownBy(() -> lifetimes().expiry("-1h", null, NOW))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("expiresIn: must be a positive duration, e.g. 24h, 30d");
    assertThatThrownBy(() -> lifetimes().expiry("30s", null, NOW))
        .hasMessage("expiresIn: must be at least 1m");
    assertThatThrownBy(() -> lifetimes().expiry("400d", null, NOW))
        .hasMessage("expiresIn: must be at most 8784h");
    assertThatThrownBy(() -> lifetimes().expiry("31d", Duration.ofDays(30), NOW))
        .hasMessage("expiresIn: exceeds this organization's maximum API token lifetime of 720h");
    assertThatThrownBy(() -> lifetimes().expiry("soon", null, NOW))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("expiresIn: invalid duration");
  }
}
