package dev.chainloop.ee.platform.security;

import dev.chainloop.ee.platform.error.AuthenticationException;
import dev.chainloop.ee.platform.error.ForbiddenOperationException;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, for the current request: set once by {@link AuthenticationFilter} after the token
 * was verified and checked against the database. Services read the organization and check
 * permissions here; they never trust claims from the token directly.
 */
@RequestScoped
public class Caller {
  private Identity identity;

  /** What the filter resolved for this request. */
  public record Identity(
      TokenKind kind,
      String credentialId,
      String userId,
      String displayName,
      String organizationId,
      String organizationName,
      Role role,
      Set<Permission> permissions,
      String projectId,
      String projectName,
      String workflowId) {}

  void set(Identity identity) {
    this.identity = identity;
  }

  public boolean authenticated() {
    return identity != null;
  }

  public Identity identity() {
    if (identity == null) {
      throw new AuthenticationException("authentication required");
    }
    return identity;
  }

  public TokenKind kind() {
    return identity().kind();
  }

  public boolean isUser() {
    return authenticated() && identity.kind() == TokenKind.USER;
  }

  /** The user's id; fails for tokens that are not a user's. */
  public String userId() {
    if (!isUser()) {
      throw new ForbiddenOperationException("this operation needs a user login, not an API token");
    }
    return identity.userId();
  }

  /** The organization the request acts on; fails if the user has none selected. */
  public String organizationId() {
    String org = identity().organizationId();
    if (org == null) {
      throw new ForbiddenOperationException(
          "no organization selected: create one with \"chainloop organization create --name ORG_NAME\"");
    }
    return org;
  }

  public String organizationName() {
    organizationId();
    return identity.organizationName();
  }

  public Optional<Role> role() {
    return Optional.ofNullable(identity().role());
  }

  /** Project the credential is confined to (project-scoped API tokens), if any. */
  public Optional<String> projectScope() {
    return Optional.ofNullable(identity().projectId());
  }

  /** Workflow the credential is confined to (robot accounts), if any. */
  public Optional<String> workflowScope() {
    return Optional.ofNullable(identity().workflowId());
  }

  /** A label for audit records: the user's email or {@code api-token:<id>}. */
  public String actor() {
    Identity id = identity();
    return switch (id.kind()) {
      case USER -> id.displayName();
      case API_TOKEN -> "api-token:" + id.credentialId();
      case ROBOT_ACCOUNT -> "robot-account:" + id.credentialId();
    };
  }

  public boolean has(Permission permission) {
    return authenticated() && identity.permissions().contains(permission);
  }

  public void require(Permission permission) {
    organizationId();
    if (!has(permission)) {
      throw new ForbiddenOperationException(
          "operation not allowed: this credential lacks the permission " + permission.wire());
    }
  }

  /** True when the caller may see objects of {@code projectId} (project scope, if any). */
  public boolean canSeeProject(String projectId) {
    return projectScope().map(p -> p.equals(projectId)).orElse(true);
  }
}
