package dev.chainloop.ee.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CiIdentityTest {
  @Test
  void gitHubActionsClaimsNameTheRepositoryRefWorkflowAndRun() {
    CiIdentity ci =
        CiIdentity.fromClaims(
            "https://token.actions.githubusercontent.com",
            "repo:acme/app:ref:refs/heads/main",
            Map.of(
                "repository", "acme/app",
                "ref", "refs/heads/main",
                "workflow", "Release",
                "job_workflow_ref", "acme/app/.github/workflows/release.yml@refs/heads/main",
                "run_id", "7412345678"));
    assertThat(ci.repository()).isEqualTo("acme/app");
    assertThat(ci.ref()).isEqualTo("refs/heads/main");
    assertThat(ci.workflow()).isEqualTo("acme/app/.github/workflows/release.yml@refs/heads/main");
    assertThat(ci.runId()).isEqualTo("7412345678");
  }

  @Test
  void gitLabClaimsNameTheProjectPathConfigAndPipeline() {
    CiIdentity ci =
        CiIdentity.fromClaims(
            "https://gitlab.example.com",
            "project_path:acme/app:ref_type:branch:ref:main",
            Map.of(
                "project_path", "acme/app",
                "ref", "main",
                "ci_config_ref_uri", "gitlab.example.com/acme/app//.gitlab-ci.yml@refs/heads/main",
                "pipeline_id", 1212L));
    assertThat(ci.repository()).isEqualTo("acme/app");
    assertThat(ci.workflow())
        .isEqualTo("gitlab.example.com/acme/app//.gitlab-ci.yml@refs/heads/main");
    assertThat(ci.runId()).isEqualTo("1212");
  }

  @Test
  void theStoredFormReadsBackAndLeavesOutWhatTheTokenDidNotSay() {
    CiIdentity ci = new CiIdentity("https://issuer.example", "sub-1", "acme/app", null, null, "9");
    assertThat(ci.toJson()).doesNotContain("ref").doesNotContain("workflow");
    assertThat(CiIdentity.fromJson(ci.toJson())).isEqualTo(ci);
  }

  @Test
  void overlongClaimsAreCutToTheColumnsBound() {
    CiIdentity ci = new CiIdentity("https://i", "s", "r".repeat(2000), null, null, null);
    assertThat(ci.repository()).hasSize(512);
    assertThat(ci.toJson().length()).isLessThan(CiIdentityConverter.COLUMN_LENGTH);
  }
}
