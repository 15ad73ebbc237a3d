package dev.chainloop.ee.platform.security;

import static dev.chainloop.ee.platform.security.Permission.*;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Organization roles and what each may do (reference §2.6). */
public enum Role {
  OWNER(EnumSet.allOf(Permission.class)),
  ADMIN(EnumSet.complementOf(EnumSet.of(ORGANIZATION_DELETE))),
  VIEWER(
      EnumSet.of(
          ORGANIZATION_READ,
          MEMBERSHIPS_LIST,
          PROJECT_LIST,
          WORKFLOW_LIST,
          WORKFLOW_READ,
          CONTRACT_LIST,
          CONTRACT_READ,
          RUN_LIST,
          RUN_READ,
          ARTIFACT_READ,
          REFERRER_READ,
          INTEGRATION_READ,
          CAS_BACKEND_READ)),
  CONTRIBUTOR(
      EnumSet.of(
          ORGANIZATION_READ,
          PROJECT_LIST,
          PROJECT_VERSION_UPDATE,
          WORKFLOW_LIST,
          WORKFLOW_READ,
          WORKFLOW_CREATE,
          WORKFLOW_UPDATE,
          WORKFLOW_DELETE,
          CONTRACT_LIST,
          CONTRACT_READ,
          CONTRACT_CREATE,
          CONTRACT_UPDATE,
          CONTRACT_DELETE,
          RUN_LIST,
          RUN_READ,
          RUN_CREATE,
          RUN_UPDATE,
          ARTIFACT_READ,
          ARTIFACT_CREATE,
          REFERRER_READ,
          INTEGRATION_READ,
          CAS_BACKEND_READ,
          API_TOKEN_LIST,
          API_TOKEN_CREATE,
          API_TOKEN_DELETE)),
  MEMBER(with(CONTRIBUTOR.permissions, PROJECT_CREATE));

  private final Set<Permission> permissions;

  Role(Set<Permission> permissions) {
    this.permissions = Set.copyOf(permissions);
  }

  public Set<Permission> permissions() {
    return permissions;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Members and contributors work inside projects: token creation needs a project. */
  public boolean projectScoped() {
    return this == MEMBER || this == CONTRIBUTOR;
  }

  public static Optional<Role> parse(String wire) {
    if (wire == null) {
      return Optional.empty();
    }
    String v = wire.trim().toLowerCase(Locale.ROOT);
    for (Role role : values()) {
      if (role.wire().equals(v)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }

  private static Set<Permission> with(Set<Permission> base, Permission extra) {
    EnumSet<Permission> all = EnumSet.copyOf(base);
    all.add(extra);
    return all;
  }
}
