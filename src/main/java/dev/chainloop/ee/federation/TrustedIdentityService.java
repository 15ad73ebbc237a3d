package dev.chainloop.ee.federation;

import dev.chainloop.ee.apitoken.ExchangedTokenService;
import dev.chainloop.ee.apitoken.TokenScope;
import dev.chainloop.ee.audit.AuditEntry;
import dev.chainloop.ee.audit.AuditService;
import dev.chainloop.ee.platform.error.ConflictException;
import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.error.UnknownResourceException;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.Permission;
import dev.chainloop.ee.project.ProjectService;
import dev.chainloop.ee.workflow.Workflow;
import dev.chainloop.ee.workflow.WorkflowResolver;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An organization's trust rules for CI providers' ID tokens: created, listed and deleted by its
 * owners and admins (they mint credentials, as API tokens do), each change audited. Deleting a rule
 * revokes every credential exchanged under it.
 */
@Stateless
public class TrustedIdentityService {
  /** Rules per organization: enough for every pipeline of a large one, bounded per exchange. */
  static final int MAX_RULES = 100;

  static final int MAX_CONDITIONS = 20;

  @Inject TrustedIdentityRepository repository;
  @Inject ExchangedTokenService exchanged;
  @Inject ProjectService projects;
  @Inject WorkflowResolver workflows;
  @Inject Caller caller;
  @Inject AuditService audit;

  private final Clock clock = Clock.systemUTC();

  /** What a client asks for; project and workflow are names, both empty for the organization. */
  public record CreateTrustedIdentity(
      String issuer,
      String audience,
      List<String> conditions,
      String project,
      String workflow,
      List<String> permissions) {}

  public TrustedIdentity create(CreateTrustedIdentity request) {
    caller.userId();
    caller.require(Permission.ORGANIZATION_UPDATE);
    List<String> written = request.conditions() == null ? List.of() : request.conditions();
    if (written.size() > MAX_CONDITIONS) {
      throw new InvalidInputException("conditions", "at most " + MAX_CONDITIONS + " conditions");
    }
    TrustTerms terms =
        new TrustTerms(
            request.issuer(),
            request.audience(),
            written.stream().map(ClaimCondition::parse).toList());
    String orgId = caller.organizationId();
    String workflowName = blankToNull(request.workflow());
    String projectName = blankToNull(request.project());
    TokenScope scope;
    if (workflowName != null) {
      Workflow workflow = workflows.resolve(workflowName, projectName);
      scope = TokenScope.workflow(orgId, workflow.project(), workflow.getId());
      workflowName = workflow.getName();
    } else if (projectName != null) {
      scope = TokenScope.project(orgId, projects.get(projectName).ref());
    } else {
      scope = TokenScope.organization(orgId);
    }
    Set<Permission> permissions =
        ExchangedTokenService.grantable(scope.level(), request.permissions());
    if (repository.countOfOrganization(orgId) >= MAX_RULES) {
      throw new ConflictException(
          "this organization already has " + MAX_RULES + " trusted identities; delete one first");
    }
    Instant now = clock.instant();
    TrustedIdentity rule =
        new TrustedIdentity(terms, scope, workflowName, permissions, now, caller.actor());
    repository.save(rule);
    audit.record(
        AuditEntry.of("trusted_identity.created")
            .in(orgId)
            .by(caller.actor())
            .on("trusted_identity", rule.getId())
            .detail(
                "issuer="
                    + terms.issuer()
                    + " audience="
                    + terms.audience()
                    + " conditions="
                    + terms.conditions().stream()
                        .map(ClaimCondition::wire)
                        .collect(Collectors.joining(","))
                    + " scope="
                    + scope.wire()));
    return rule;
  }

  /** The organization's rules, oldest first. */
  public List<TrustedIdentity> list() {
    caller.require(Permission.API_TOKEN_LIST);
    return repository.ofOrganization(caller.organizationId());
  }

  /** Deletes a rule and revokes what it issued: from the next request on, those are refused. */
  public void delete(String id) {
    caller.userId();
    TrustedIdentity found =
        repository
            .findInOrganization(caller.organizationId(), id)
            .orElseThrow(() -> new UnknownResourceException("trusted identity not found"));
    caller.require(Permission.ORGANIZATION_UPDATE);
    TrustedIdentity rule =
        repository
            .lock(found.getId())
            .orElseThrow(() -> new UnknownResourceException("trusted identity not found"));
    int revoked = exchanged.revokeIssuedUnder(rule.getId(), clock.instant());
    repository.delete(rule);
    audit.record(
        AuditEntry.of("trusted_identity.deleted")
            .in(rule.getOrganizationId())
            .by(caller.actor())
            .on("trusted_identity", rule.getId())
            .detail("issuer=" + rule.terms().issuer() + " revoked_credentials=" + revoked));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
