package dev.chainloop.ee.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chainloop.ee.platform.error.AuthenticationException;
import dev.chainloop.ee.platform.error.ForbiddenOperationException;
import dev.chainloop.ee.platform.security.Caller.Identity;
import dev.chainloop.ee.platform.security.Caller.Identity.Membership;
import dev.chainloop.ee.platform.security.Caller.Identity.OrganizationRef;
import dev.chainloop.ee.platform.security.Caller.Identity.ProjectRef;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {
  private static final OrganizationRef ORG = new OrganizationRef("o-1", "acme");
  private static final ProjectRef PROJECT = new ProjectRef("p-1", "payments");

  private static Caller calling(Identity identity) {
    Caller caller = new Caller();
    caller.set(identity);
    return caller;
  }

  @Test
  void aUserActsWithTheRoleOfTheirMembership() {
    Caller caller =
        calling(
            Identity.user(
                "s-1", "u-1", "ann@example.com", Optional.of(new Membership(ORG, Role.VIEWER))));
    assertThat(caller.kind()).isEqualTo(TokenKind.USER);
    assertThat(caller.isUser()).isTrue();
    assertThat(caller.userId()).isEqualTo("u-1");
    assertThat(caller.organizationId()).isEqualTo("o-1");
    assertThat(caller.organizationName()).isEqualTo("acme");
    assertThat(caller.role()).contains(Role.VIEWER);
    assertThat(caller.has(Permission.WORKFLOW_READ)).isTrue();
    assertThat(caller.has(Permission.WORKFLOW_CREATE)).isFalse();
    assertThat(caller.projectScope()).isEmpty();
    assertThat(caller.canSeeProject("any")).isTrue();
    assertThat(caller.actor()).isEqualTo("ann@example.com");
  }

  @Test
  void aUserWithoutOrganizationMayDoNothingInOne() {
    Caller caller = calling(Identity.user("s-1", "u-1", "ann@example.com", Optional.empty()));
    assertThat(caller.identity().permissions()).isEmpty();
    assertThatThrownBy(caller::organizationId)
        .isInstanceOf(ForbiddenOperationException.class)
        .hasMessageStartingWith("no organization selected");
    assertThatThrownBy(() -> caller.require(Permission.ORGANIZATION_READ))
        .isInstanceOf(ForbiddenOperationException.class);
  }

  @Test
  void aProjectTokenSeesOnlyItsProjectAndIsNoUser() {
    Caller caller =
        calling(
            Identity.apiToken(
                "t-1", "ci", ORG, Set.of(Permission.WORKFLOW_READ), Optional.of(PROJECT)));
    assertThat(caller.isUser()).isFalse();
    assertThat(caller.role()).isEmpty();
    assertThat(caller.projectScope()).contains("p-1");
    assertThat(caller.workflowScope()).isEmpty();
    assertThat(caller.canSeeProject("p-1")).isTrue();
    assertThat(caller.canSeeProject("p-2")).isFalse();
    assertThat(caller.actor()).isEqualTo("api-token:t-1");
    assertThatThrownBy(caller::userId).isInstanceOf(ForbiddenOperationException.class);
  }

  @Test
  void aRobotAccountIsConfinedToItsWorkflow() {
    Caller caller =
        calling(
            Identity.robotAccount(
                "r-1", "bot", ORG, PROJECT, "w-1", Set.of(Permission.RUN_CREATE)));
    assertThat(caller.kind()).isEqualTo(TokenKind.ROBOT_ACCOUNT);
    assertThat(caller.workflowScope()).contains("w-1");
    assertThat(caller.projectScope()).contains("p-1");
    assertThat(caller.actor()).isEqualTo("robot-account:r-1");
    assertThat(caller.has(Permission.RUN_CREATE)).isTrue();
  }

  @Test
  void nobodyIsCallingBeforeTheFilterSetsTheIdentity() {
    Caller caller = new Caller();
    assertThat(caller.authenticated()).isFalse();
    assertThat(caller.isUser()).isFalse();
    assertThat(caller.has(Permission.ORGANIZATION_READ)).isFalse();
    assertThatThrownBy(caller::identity).isInstanceOf(AuthenticationException.class);
  }
}
