package dev.chainloop.ee.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chainloop.ee.platform.error.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimConditionTest {
  private static final Map<String, Object> GITHUB =
      Map.of(
          "repository", "acme/payments",
          "ref", "refs/heads/main",
          "job_workflow_ref", "acme/payments/.github/workflows/release.yml@refs/heads/main",
          "repository_id", 74123);

  @Test
  void anExactValueMatchesOnlyThatValue() {
    assertThat(ClaimCondition.parse("repository=acme/payments").matches(GITHUB)).isTrue();
    assertThat(ClaimCondition.parse("repository=acme/payment").matches(GITHUB)).isFalse();
    assertThat(ClaimCondition.parse("repository=acme/payments*x").matches(GITHUB)).isFalse();
  }

  @Test
  void aSingleStarStopsAtSlashes() {
    assertThat(ClaimCondition.parse("repository=acme/*").matches(GITHUB)).isTrue();
    assertThat(ClaimCondition.parse("ref=refs/*").matches(GITHUB)).isFalse();
    assertThat(ClaimCondition.parse("ref=refs/heads/*").matches(GITHUB)).isTrue();
  }

  @Test
  void aDoubleStarCrossesSlashes() {
    assertThat(
            ClaimCondition.parse("job_workflow_ref=acme/payments/.github/**@refs/heads/main")
                .matches(GITHUB))
        .isTrue();
    assertThat(ClaimCondition.parse("ref=refs/**").matches(GITHUB)).isTrue();
  }

  @Test
  void regexCharactersInTheValueAreLiteral() {
    assertThat(ClaimCondition.parse("repository=acme.payments").matches(GITHUB)).isFalse();
    assertThat(ClaimCondition.parse("repository=acme/pay.*").matches(GITHUB)).isFalse();
  }

  @Test
  void numericClaimsCompareAsText() {
    assertThat(ClaimCondition.parse("repository_id=74123").matches(GITHUB)).isTrue();
  }

  @Test
  void aMissingClaimNeverMatches() {
    assertThat(ClaimCondition.parse("environment=production").matches(GITHUB)).isFalse();
  }

  @Test
  void unknownClaimsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> ClaimCondition.parse("exp=1"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("conditions")
        .hasMessageContaining("unknown claim exp");
  }

  @Test
  void aConditionMatchingEverythingIsRefused() {
    assertThatThrownBy(() -> ClaimCondition.parse("repository=**"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("would match anything");
    assertThatThrownBy(() -> ClaimCondition.parse("repository="))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> ClaimCondition.parse("acme/payments"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("claim=value");
  }
}
