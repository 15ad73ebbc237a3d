package dev.chainloop.ee.apitoken;

import static dev.chainloop.ee.platform.security.Permission.*;

import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.security.Permission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The access lists tokens get by default (reference §2.6); {@code --permission} only narrows them.
 */
final class TokenPolicies {
  /**
   * Every API token: work with workflows, contracts, runs (attestations), artifacts and project
   * versions (a release pipeline renames its version, as upstream's does).
   */
  static final Set<Permission> DEFAULT =
      Set.copyOf(
          EnumSet.of(
              ORGANIZATION_READ,
              PROJECT_LIST,
              PROJECT_VERSION_UPDATE,
              WORKFLOW_LIST,
              WORKFLOW_READ,
              WORKFLOW_CREATE,
              CONTRACT_LIST,
              CONTRACT_READ,
              CONTRACT_CREATE,
              CONTRACT_UPDATE,
              RUN_LIST,
              RUN_READ,
              RUN_CREATE,
              RUN_UPDATE,
              ARTIFACT_READ,
              ARTIFACT_CREATE,
              REFERRER_READ));

  /** Organization-level tokens may also create projects and manage project-scoped tokens. */
  static final Set<Permission> ORG_LEVEL =
      union(
          DEFAULT, EnumSet.of(PROJECT_CREATE, API_TOKEN_LIST, API_TOKEN_CREATE, API_TOKEN_DELETE));

  /** Robot accounts: attest one workflow and nothing else. */
  static final Set<Permission> ROBOT_ACCOUNT =
      Set.copyOf(
          EnumSet.of(
              ORGANIZATION_READ,
              WORKFLOW_READ,
              CONTRACT_READ,
              RUN_READ,
              RUN_CREATE,
              RUN_UPDATE,
              ARTIFACT_READ,
              ARTIFACT_CREATE));

  private TokenPolicies() {}

  /**
   * The permissions a new token gets: {@code defaults}, or the {@code requested} subset of them
   * (none requested = all of the defaults). Anything outside the defaults is refused.
   */
  static Set<Permission> narrow(Set<Permission> defaults, List<String> requested) {
    if (requested == null || requested.isEmpty()) {
      return defaults;
    }
    EnumSet<Permission> result = EnumSet.noneOf(Permission.class);
    for (String wire : requested) {
      Permission p =
          Permission.parse(wire == null ? "" : wire.trim())
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "permissions", "unknown permission \"" + wire + "\""));
      if (!defaults.contains(p)) {
        throw new InvalidInputException(
            "permissions",
            "\""
                + wire
                + "\" cannot be granted to this token: permissions only narrow the default set");
      }
      result.add(p);
    }
    return result;
  }

  private static Set<Permission> union(Set<Permission> a, Set<Permission> b) {
    EnumSet<Permission> all = EnumSet.copyOf(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
