package dev.chainloop.ee.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.platform.security.Permission;
import dev.chainloop.ee.platform.security.Role;
import org.junit.jupiter.api.Test;

class RoleTest {
  @Test
  void viewersOnlyRead() {
    assertThat(Role.VIEWER.permissions())
        .allMatch(p -> p.wire().endsWith(":read") || p.wire().endsWith(":list"));
  }

  @Test
  void onlyOwnersDeleteOrganizationsAndAdminsManageMembers() {
    assertThat(Role.OWNER.permissions()).contains(Permission.ORGANIZATION_DELETE);
    assertThat(Role.ADMIN.permissions())
        .doesNotContain(Permission.ORGANIZATION_DELETE)
        .contains(Permission.MEMBERSHIPS_MANAGE);
    assertThat(Role.MEMBER.permissions())
        .contains(Permission.PROJECT_CREATE)
        .doesNotContain(Permission.MEMBERSHIPS_MANAGE);
    assertThat(Role.CONTRIBUTOR.permissions()).doesNotContain(Permission.PROJECT_CREATE);
  }

  @Test
  void rolesParseCaseInsensitively() {
    assertThat(Role.parse("Admin")).contains(Role.ADMIN);
    assertThat(Role.parse("root")).isEmpty();
  }
}
