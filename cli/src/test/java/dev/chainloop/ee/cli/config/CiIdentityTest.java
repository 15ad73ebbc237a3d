package dev.chainloop.ee.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CiIdentityTest {
  @Test
  void gitHubActionsIsDetectedWhenBothVariablesAreSet() {
    var found =
        CiIdentity.detect(
            Map.of(
                "ACTIONS_ID_TOKEN_REQUEST_URL", "https://pipelines.example/idtoken?api-version=2.0",
                "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "bearer-1",
                "CHAINLOOP_OIDC_TOKEN", "gitlab-token"));
    assertThat(found).containsInstanceOf(CiIdentity.GitHubActions.class);
    var github = (CiIdentity.GitHubActions) found.orElseThrow();
    assertThat(github.bearer()).isEqualTo("bearer-1");
    assertThat(github.requestUri("chainloop ee").toString())
        .isEqualTo("https://pipelines.example/idtoken?api-version=2.0&audience=chainloop+ee");
  }

  @Test
  void aRequestUrlWithoutQueryGetsOne() {
    var github = new CiIdentity.GitHubActions("https://pipelines.example/idtoken", "b");
    assertThat(github.requestUri("chainloop").toString())
        .isEqualTo("https://pipelines.example/idtoken?audience=chainloop");
  }

  @Test
  void gitLabsTokenIsUsedWhenGitHubsVariablesAreIncomplete() {
    assertThat(
            CiIdentity.detect(
                Map.of("ACTIONS_ID_TOKEN_REQUEST_URL", "https://x", "CHAINLOOP_OIDC_TOKEN", "t-1")))
        .contains(new CiIdentity.GivenToken("t-1"));
  }

  @Test
  void nothingIsDetectedOutsideCi() {
    assertThat(CiIdentity.detect(Map.of("CHAINLOOP_OIDC_TOKEN", " "))).isEmpty();
  }
}
