package dev.chainloop.ee.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chainloop.ee.platform.error.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrustTermsTest {
  private static final String GITHUB = "https://token.actions.githubusercontent.com";
  private static final Instant NOW = Instant.parse("2026-12-03T05:00:00Z");

  private static TrustTerms terms(String issuer, String... conditions) {
    return new TrustTerms(
        issuer, "chainloop", List.of(conditions).stream().map(ClaimCondition::parse).toList());
  }

  @Test
  void everyConditionMustHold() {
    TrustTerms terms = terms(GITHUB, "repository=acme/payments", "ref=refs/heads/main");
    assertThat(terms.accepts(Map.of("repository", "acme/payments", "ref", "refs/heads/main")))
        .isTrue();
    assertThat(terms.accepts(Map.of("repository", "acme/payments", "ref", "refs/heads/dev")))
        .isFalse();
    assertThat(terms.firstUnmet(Map.of("repository", "acme/other", "ref", "refs/heads/main")))
        .map(ClaimCondition::wire)
        .contains("repository=acme/payments");
  }

  @Test
  void aRuleMustNameThePipeline() {
    assertThatThrownBy(() -> terms(GITHUB, "ref=refs/heads/main"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("conditions: name the pipeline");
  }

  @Test
  void theIssuerIsAnHttpsUrl() {
    assertThatThrownBy(() -> terms("http://token.actions.githubusercontent.com", "repository=a/b"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("issuer: must be an https URL");
    assertThatThrownBy(() -> terms(GITHUB + "?x=1", "repository=a/b"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("issuer");
    assertThatThrownBy(() -> terms(" ", "repository=a/b"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("issuer: is required");
  }

  @Test
  void theAudienceIsRequired() {
    assertThatThrownBy(
            () -> new TrustTerms(GITHUB, "", List.of(ClaimCondition.parse("repository=a/b"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("audience");
  }

  @Test
  void anExchangedCredentialLivesNoLongerThanTheTokenNorAnHour() {
    assertThat(TrustTerms.exchangedLife(NOW.plusSeconds(300), NOW))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(TrustTerms.exchangedLife(NOW.plus(Duration.ofHours(6)), NOW))
        .isEqualTo(Duration.ofHours(1));
    assertThat(TrustTerms.exchangedLife(NOW.minusSeconds(1), NOW)).isEqualTo(Duration.ZERO);
  }
}
