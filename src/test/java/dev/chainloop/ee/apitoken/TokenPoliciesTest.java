package dev.chainloop.ee.apitoken;

import static dev.chainloop.ee.platform.security.Permission.PROJECT_CREATE;
import static dev.chainloop.ee.platform.security.Permission.WORKFLOW_READ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chainloop.ee.platform.error.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenPoliciesTest {
  @Test
  void noRequestedPermissionsGiveTheDefaults() {
    assertThat(TokenPolicies.narrow(TokenPolicies.DEFAULT, null)).isEqualTo(TokenPolicies.DEFAULT);
    assertThat(TokenPolicies.narrow(TokenPolicies.DEFAULT, List.of()))
        .isEqualTo(TokenPolicies.DEFAULT);
  }

  @Test
  void requestedPermissionsOnlyNarrowTheDefaults() {
    assertThat(TokenPolicies.narrow(TokenPolicies.DEFAULT, List.of(" workflow:read ")))
        .containsExactly(WORKFLOW_READ);
    assertThat(TokenPolicies.DEFAULT).doesNotContain(PROJECT_CREATE);
    assertThatThrownBy(() -> TokenPolicies.narrow(TokenPolicies.DEFAULT, List.of("project:create")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("permissions only narrow the default set");
    assertThatThrownBy(() -> TokenPolicies.narrow(TokenPolicies.DEFAULT, List.of("root:all")))
        .hasMessage("permissions: unknown permission \"root:all\"");
  }
}
