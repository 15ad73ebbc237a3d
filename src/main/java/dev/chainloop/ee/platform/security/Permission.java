package dev.chainloop.ee.platform.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A {@code resource:action} pair; roles and API tokens are sets of these (reference §2.6). */
public enum Permission {
  ORGANIZATION_READ("organization:read"),
  ORGANIZATION_UPDATE("organization:update"),
  ORGANIZATION_DELETE("organization:delete"),
  MEMBERSHIPS_LIST("organization_memberships:list"),
  MEMBERSHIPS_MANAGE("organization_memberships:manage"),
  INVITATIONS_CREATE("organization_invitations:create"),
  AUDIT_LIST("audit:list"),
  API_TOKEN_LIST("api_token:list"),
  API_TOKEN_CREATE("api_token:create"),
  API_TOKEN_DELETE("api_token:delete"),
  PROJECT_CREATE("project:create"),
  PROJECT_LIST("project:list"),
  PROJECT_VERSION_UPDATE("project_version:update"),
  WORKFLOW_LIST("workflow:list"),
  WORKFLOW_READ("workflow:read"),
  WORKFLOW_CREATE("workflow:create"),
  WORKFLOW_UPDATE("workflow:update"),
  WORKFLOW_DELETE("workflow:delete"),
  CONTRACT_LIST("workflow_contract:list"),
  CONTRACT_READ("workflow_contract:read"),
  CONTRACT_CREATE("workflow_contract:create"),
  CONTRACT_UPDATE("workflow_contract:update"),
  CONTRACT_DELETE("workflow_contract:delete"),
  RUN_LIST("workflow_run:list"),
  RUN_READ("workflow_run:read"),
  RUN_CREATE("workflow_run:create"),
  RUN_UPDATE("workflow_run:update"),
  ROBOT_ACCOUNT_MANAGE("robot_account:manage"),
  ARTIFACT_READ("cas_artifact:read"),
  ARTIFACT_CREATE("cas_artifact:create"),
  REFERRER_READ("referrer:read"),
  INTEGRATION_READ("integration:read"),
  INTEGRATION_MANAGE("integration:manage"),
  CAS_BACKEND_READ("cas_backend:read"),
  CAS_BACKEND_MANAGE("cas_backend:manage");

  private final String wire;

  Permission(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<Permission> parse(String wire) {
    return Arrays.stream(values()).filter(p -> p.wire.equals(wire)).findFirst();
  }

  /** A set as the entities store it: the wire names, sorted, space-separated. */
  public static String toColumn(Collection<Permission> permissions) {
    return permissions.stream().map(Permission::wire).sorted().collect(Collectors.joining(" "));
  }

  /** The set a {@link #toColumn} text names (names no longer known are left out). */
  public static Set<Permission> fromColumn(String column) {
    EnumSet<Permission> set = EnumSet.noneOf(Permission.class);
    Arrays.stream(column.split(" "))
        .filter(p -> !p.isBlank())
        .forEach(p -> parse(p).ifPresent(set::add));
    return set;
  }
}
