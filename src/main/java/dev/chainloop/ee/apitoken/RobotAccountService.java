package dev.chainloop.ee.apitoken;

import dev.chainloop.ee.apitoken.ApiTokenService.IssuedToken;
import dev.chainloop.ee.audit.AuditEntry;
import dev.chainloop.ee.audit.AuditService;
import dev.chainloop.ee.organization.Organization;
import dev.chainloop.ee.organization.OrganizationService;
import dev.chainloop.ee.platform.Names;
import dev.chainloop.ee.platform.error.ConflictException;
import dev.chainloop.ee.platform.error.UnknownResourceException;
import dev.chainloop.ee.platform.persistence.PageRequest;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.Permission;
import dev.chainloop.ee.platform.security.TokenKind;
import dev.chainloop.ee.project.ProjectRef;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Robot accounts: workflow-scoped tokens that can only attest their workflow (legacy, kept for
 * upstream clients). The workflow feature checks the workflow; this owns the credential.
 */
@Stateless
public class RobotAccountService {
  @Inject ApiTokenRepository repository;
  @Inject Caller caller;
  @Inject TokenMinter minter;
  @Inject OrganizationService organizations;
  @Inject AuditService audit;

  private final Clock clock = Clock.systemUTC();

  /** A new robot account for workflow {@code workflowId} of {@code project}. */
  public IssuedToken create(String workflowId, ProjectRef project, String name) {
    Names.requireDns1123("name", name);
    String orgId = caller.organizationId();
    Organization org = organizations.findLive(orgId).orElseThrow();
    TokenScope scope = TokenScope.workflow(orgId, project, workflowId);
    if (repository.activeKeyTaken(ApiToken.uniqueKey(TokenKind.ROBOT_ACCOUNT, scope, name))) {
      throw new ConflictException(
          "name already taken: an active robot account named \"" + name + "\" exists");
    }
    ApiToken token = ApiToken.robotAccount(name, scope, clock.instant());
    repository.save(token);
    audit.record(
        AuditEntry.of("robot_account.created")
            .in(orgId)
            .by(caller.actor())
            .on("robot_account", token.getId())
            .detail("name=" + name + " workflow=" + workflowId));
    return new IssuedToken(token, minter.mint(token, org.getName()));
  }

  /** The workflow's robot accounts, oldest first; revoked ones too if asked. */
  public List<ApiToken> list(String workflowId, boolean includeRevoked, Integer limit) {
    int n = PageRequest.limitOf(limit);
    return repository.list(
        new ApiTokenRepository.Filter(
            caller.organizationId(),
            TokenKind.ROBOT_ACCOUNT,
            includeRevoked ? Optional.empty() : Optional.of(TokenStatus.ACTIVE),
            null,
            Optional.empty(),
            workflowId,
            null),
        clock.instant(),
        n);
  }

  /** Revokes a robot account of the caller's organization (needs {@code workflow:update}). */
  public void revoke(String id) {
    ApiToken token =
        repository
            .findInOrganization(caller.organizationId(), id, TokenKind.ROBOT_ACCOUNT)
            .filter(t -> caller.canSeeProject(t.getProjectId()))
            .orElseThrow(() -> new UnknownResourceException("robot account not found"));
    caller.require(Permission.WORKFLOW_UPDATE);
    if (repository.revoke(token.getId(), clock.instant())) {
      audit.record(
          AuditEntry.of("robot_account.revoked")
              .in(token.getOrganizationId())
              .by(caller.actor())
              .on("robot_account", token.getId())
              .detail("name=" + token.getName()));
    }
  }
}
