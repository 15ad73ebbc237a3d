package dev.chainloop.ee.platform.security;

import dev.chainloop.ee.platform.error.AuthenticationException;
import dev.chainloop.ee.platform.error.ForbiddenOperationException;
import jakarta.enterprise.context.RequestScoped;
import java.util.Objects;
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

  /**
   * What the filter resolved for this request: one record per credential kind, so that a user never
   * carries a token's project scope and a token never carries a role.
   */
  public sealed interface Identity permits Identity.User, Identity.Token {
    TokenKind kind();

    /** The row behind the token: the user's session, the API token or the robot account. */
    String credentialId();

    /** The user's email, or the token's name. */
    String displayName();

    /** The organization the request acts on; empty for a user who belongs to none. */
    Optional<OrganizationRef> organization();

    Set<Permission> permissions();

    /** The user's role in {@link #organization()}; tokens have none. */
    default Optional<Role> role() {
      return Optional.empty();
    }

    /** The project the credential is confined to, if any. */
    default Optional<ProjectRef> projectScope() {
      return Optional.empty();
    }

    /** The workflow the credential is confined to (robot accounts). */
    default Optional<String> workflowScope() {
      return Optional.empty();
    }

    /** The CI job a federated credential was exchanged for; empty for every other credential. */
    default Optional<CiIdentity> ci() {
      return Optional.empty();
    }

    /** A user session, acting on one of the user's organizations (or on none yet). */
    static User user(
        String sessionId, String userId, String email, Optional<Membership> membership) {
      return new User(sessionId, userId, email, membership);
    }

    /** An organization's API token, optionally confined to one project. */
    static ApiToken apiToken(
        String tokenId,
        String name,
        OrganizationRef organization,
        Set<Permission> permissions,
        Optional<ProjectRef> project) {
      return new ApiToken(tokenId, name, organization, permissions, project, Optional.empty());
    }

    /** A workflow's robot account: confined to that workflow and its project. */
    static RobotAccount robotAccount(
        String tokenId,
        String name,
        OrganizationRef organization,
        ProjectRef project,
        String workflowId,
        Set<Permission> permissions) {
      return new RobotAccount(
          tokenId, name, organization, project, workflowId, permissions, Optional.empty());
    }

    record OrganizationRef(String id, String name) {
      public OrganizationRef {
        Objects.requireNonNull(id, "organization id");
      }
    }

    record ProjectRef(String id, String name) {
      public ProjectRef {
        Objects.requireNonNull(id, "project id");
      }
    }

    /** The organization a user acts on and their role there. */
    record Membership(OrganizationRef organization, Role role) {
      public Membership {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(role, "role");
      }
    }

    record User(String sessionId, String userId, String email, Optional<Membership> membership)
        implements Identity {
      public User {
        Objects.requireNonNull(sessionId, "session id");
        Objects.requireNonNull(userId, "user id");
        Objects.requireNonNull(membership, "membership");
      }

      @Override
      public TokenKind kind() {
        return TokenKind.USER;
      }

      @Override
      public String credentialId() {
        return sessionId;
      }

      @Override
      public String displayName() {
        return email;
      }

      @Override
      public Optional<OrganizationRef> organization() {
        return membership.map(Membership::organization);
      }

      @Override
      public Set<Permission> permissions() {
        return membership.map(m -> m.role().permissions()).orElse(Set.of());
      }

      @Override
      public Optional<Role> role() {
        return membership.map(Membership::role);
      }
    }

    /**
     * A token of an organization rather than a user's session: its row is the credential, its name
     * the display name, and it acts on that one organization.
     */
    sealed interface Token extends Identity permits ApiToken, RobotAccount {
      String tokenId();

      String name();

      OrganizationRef org();

      @Override
      default String credentialId() {
        return tokenId();
      }

      @Override
      default String displayName() {
        return name();
      }

      @Override
      default Optional<OrganizationRef> organization() {
        return Optional.of(org());
      }
    }

    record ApiToken(
        String tokenId,
        String name,
        OrganizationRef org,
        Set<Permission> permissions,
        Optional<ProjectRef> project,
        Optional<CiIdentity> ci)
        implements Token {
      public ApiToken {
        Objects.requireNonNull(tokenId, "token id");
        Objects.requireNonNull(org, "organization");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(ci, "ci");
        permissions = Set.copyOf(permissions);
      }

      @Override
      public TokenKind kind() {
        return TokenKind.API_TOKEN;
      }

      @Override
      public Optional<ProjectRef> projectScope() {
        return project;
      }
    }

    record RobotAccount(
        String tokenId,
        String name,
        OrganizationRef org,
        ProjectRef project,
        String workflowId,
        Set<Permission> permissions,
        Optional<CiIdentity> ci)
        implements Token {
      public RobotAccount {
        Objects.requireNonNull(ci, "ci");
        Objects.requireNonNull(tokenId, "token id");
        Objects.requireNonNull(org, "organization");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(workflowId, "workflow id");
        permissions = Set.copyOf(permissions);
      }

      @Override
      public TokenKind kind() {
        return TokenKind.ROBOT_ACCOUNT;
      }

      @Override
      public Optional<ProjectRef> projectScope() {
        return Optional.of(project);
      }

      @Override
      public Optional<String> workflowScope() {
        return Optional.of(workflowId);
      }
    }
  }

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
    return identity instanceof Identity.User;
  }

  /** The user's id; fails for tokens that are not a user's. */
  public String userId() {
    if (!(identity instanceof Identity.User user)) {
      throw new ForbiddenOperationException("this operation needs a user login, not an API token");
    }
    return user.userId();
  }

  /** The organization the request acts on; fails if the user has none selected. */
  public String organizationId() {
    return organization().id();
  }

  public String organizationName() {
    return organization().name();
  }

  private Identity.OrganizationRef organization() {
    return identity()
        .organization()
        .orElseThrow(
            () ->
                new ForbiddenOperationException(
                    "no organization selected: create one with \"chainloop organization create --name ORG_NAME\""));
  }

  public Optional<Role> role() {
    return identity().role();
  }

  /** Project the credential is confined to (project-scoped API tokens), if any. */
  public Optional<String> projectScope() {
    return identity().projectScope().map(Identity.ProjectRef::id);
  }

  /** Workflow the credential is confined to (robot accounts), if any. */
  public Optional<String> workflowScope() {
    return identity().workflowScope();
  }

  /** The CI job behind a federated credential, if the caller holds one. */
  public Optional<CiIdentity> ci() {
    return identity().ci();
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
