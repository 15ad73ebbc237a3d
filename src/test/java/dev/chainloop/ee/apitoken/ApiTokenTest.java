package dev.chainloop.ee.apitoken;

import static dev.chainloop.ee.platform.security.Permission.RUN_CREATE;
import static dev.chainloop.ee.platform.security.Permission.WORKFLOW_READ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chainloop.ee.platform.security.TokenKind;
import dev.chainloop.ee.project.ProjectRef;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiTokenTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final ProjectRef PROJECT = new ProjectRef("p-1", "payments");

  @Test
  void aTokenIsActiveUntilItsExpiryAndExpiredFromThen() {
    Instant expiry = NOW.plus(Duration.ofHours(1));
    ApiToken token =
        ApiToken.apiToken(
            "ci", null, TokenScope.organization("o-1"), Set.of(WORKFLOW_READ), NOW, expiry);
    assertThat(token.status(NOW)).isEqualTo(TokenStatus.ACTIVE);
    assertThat(token.status(expiry.minusMillis(1))).isEqualTo(TokenStatus.ACTIVE);
    assertThat(token.status(expiry)).isEqualTo(TokenStatus.EXPIRED);
  }

  @Test
  void aTokenWithoutExpiryStaysActive() {
    ApiToken token =
        ApiToken.apiToken(
            "ci", null, TokenScope.organization("o-1"), Set.of(WORKFLOW_READ), NOW, null);
    assertThat(token.status(NOW.plus(Duration.ofDays(10_000)))).isEqualTo(TokenStatus.ACTIVE);
  }

  @Test
  void theRowKeepsTheScopeItWasCreatedWith() {
    ApiToken project =
        ApiToken.apiToken(
            "ci", "d", TokenScope.project("o-1", PROJECT), Set.of(WORKFLOW_READ), NOW, null);
    assertThat(project.getKind()).isEqualTo(TokenKind.API_TOKEN);
    assertThat(project.getOrganizationId()).isEqualTo("o-1");
    assertThat(project.getProjectId()).isEqualTo("p-1");
    assertThat(project.getProjectName()).isEqualTo("payments");
    assertThat(project.getWorkflowId()).isNull();
    assertThat(project.scope()).isEqualTo(TokenScope.project("o-1", PROJECT));

    ApiToken robot = ApiToken.robotAccount("bot", TokenScope.workflow("o-1", PROJECT, "w-1"), NOW);
    assertThat(robot.getKind()).isEqualTo(TokenKind.ROBOT_ACCOUNT);
    assertThat(robot.getWorkflowId()).isEqualTo("w-1");
    assertThat(robot.getExpiresAt()).isNull();
    assertThat(robot.getPermissions()).isEqualTo(TokenPolicies.ROBOT_ACCOUNT);
    assertThat(robot.scope()).isEqualTo(TokenScope.workflow("o-1", PROJECT, "w-1"));
  }

  @Test
  void permissionsSurviveTheirStoredForm() {
    ApiToken token =
        ApiToken.apiToken(
            "ci",
            null,
            TokenScope.organization("o-1"),
            Set.of(WORKFLOW_READ, RUN_CREATE),
            NOW,
            null);
    assertThat(token.getPermissions()).containsExactlyInAnyOrder(WORKFLOW_READ, RUN_CREATE);
  }

  @Test
  void apiTokensAndRobotAccountsKeepToTheirScopes() {
    assertThatThrownBy(
            () ->
                ApiToken.apiToken(
                    "ci",
                    null,
                    TokenScope.workflow("o-1", PROJECT, "w-1"),
                    Set.of(WORKFLOW_READ),
                    NOW,
                    null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ApiToken.robotAccount("bot", TokenScope.project("o-1", PROJECT), NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
