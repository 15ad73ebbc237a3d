package dev.chainloop.ee.apitoken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.security.TokenKind;
import dev.chainloop.ee.project.ProjectRef;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenScopeTest {
  private static final ProjectRef PROJECT = new ProjectRef("p-1", "payments");

  @Test
  void scopesShowAsTheApiWritesThem() {
    assertThat(TokenScope.organization("o-1").wire()).isEqualTo("global");
    assertThat(TokenScope.project("o-1", PROJECT).wire()).isEqualTo("project/payments");
    assertThat(TokenScope.workflow("o-1", PROJECT, "w-1").wire()).isEqualTo("workflow/w-1");
  }

  @Test
  void uniqueKeysSeparateScopesKindsAndNames() {
    assertThat(ApiToken.uniqueKey(TokenKind.API_TOKEN, TokenScope.organization("o-1"), "ci"))
        .isEqualTo("o-1/org/api-token/ci");
    assertThat(ApiToken.uniqueKey(TokenKind.API_TOKEN, TokenScope.project("o-1", PROJECT), "ci"))
        .isEqualTo("o-1/p:p-1/api-token/ci");
    assertThat(
            ApiToken.uniqueKey(
                TokenKind.ROBOT_ACCOUNT, TokenScope.workflow("o-1", PROJECT, "w-1"), "ci"))
        .isEqualTo("o-1/wf:w-1/robot-account/ci");
  }

  @Test
  void aScopeCannotClaimALevelItsPartsDoNotHave() {
    assertThatThrownBy(
            () ->
                new TokenScope(
                    "o-1", TokenScope.Level.GLOBAL, Optional.of(PROJECT), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new TokenScope(
                    "o-1", TokenScope.Level.PROJECT, Optional.of(PROJECT), Optional.of("w-1")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theScopeFilterTakesProjectOrGlobalOrNothing() {
    assertThat(TokenScope.Level.filter(null)).isEmpty();
    assertThat(TokenScope.Level.filter(" ")).isEmpty();
    assertThat(TokenScope.Level.filter(" project ")).contains(TokenScope.Level.PROJECT);
    assertThat(TokenScope.Level.filter("global")).contains(TokenScope.Level.GLOBAL);
    assertThatThrownBy(() -> TokenScope.Level.filter("workflow"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("must be project or global");
  }

  @Test
  void theStatusFilterDefaultsToActiveAndAllMeansAny() {
    assertThat(TokenStatus.filter(null)).contains(TokenStatus.ACTIVE);
    assertThat(TokenStatus.filter("")).contains(TokenStatus.ACTIVE);
    assertThat(TokenStatus.filter("revoked")).contains(TokenStatus.REVOKED);
    assertThat(TokenStatus.filter(" expired ")).contains(TokenStatus.EXPIRED);
    assertThat(TokenStatus.filter("all")).isEmpty();
    assertThatThrownBy(() -> TokenStatus.filter("ACTIVE"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("must be one of active, expired, revoked, all");
  }
}
