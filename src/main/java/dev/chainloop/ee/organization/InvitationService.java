package dev.chainloop.ee.organization;

import dev.chainloop.ee.audit.AuditEntry;
import dev.chainloop.ee.audit.AuditService;
import dev.chainloop.ee.platform.error.ConflictException;
import dev.chainloop.ee.platform.error.ForbiddenOperationException;
import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.error.UnknownResourceException;
import dev.chainloop.ee.platform.persistence.Ids;
import dev.chainloop.ee.platform.persistence.PageRequest;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.Permission;
import dev.chainloop.ee.platform.security.Role;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/** Invitations to join the caller's organization, accepted at sign-up or login. */
@Stateless
public class InvitationService {
  @Inject InvitationRepository repository;
  @Inject MembershipService memberships;
  @Inject Caller caller;
  @Inject AuditService audit;

  private final Clock clock = Clock.systemUTC();

  public Invitation create(String receiver, String roleName) {
    caller.require(Permission.INVITATIONS_CREATE);
    Role role =
        Role.parse(roleName == null ? "viewer" : roleName)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "role", "must be one of owner, admin, viewer, member, contributor"));
    if (role == Role.OWNER && caller.role().orElse(null) != Role.OWNER) {
      throw new ForbiddenOperationException("only owners can invite owners");
    }
    String orgId = caller.organizationId();
    boolean pending =
        repository.ofOrganization(orgId).stream()
            .anyMatch(i -> i.isPending() && i.getReceiverEmail().equalsIgnoreCase(receiver.trim()));
    if (pending) {
      throw new ConflictException("there is already a pending invitation for " + receiver);
    }
    Invitation invitation = new Invitation(orgId, caller.userId(), receiver, role, clock.instant());
    repository.save(invitation);
    audit.record(
        AuditEntry.of("invitation.created")
            .in(orgId)
            .by(caller.actor())
            .on("invitation", invitation.getId())
            .detail(invitation.getReceiverEmail() + " as " + role.wire()));
    return invitation;
  }

  public List<Invitation> list(Integer limit) {
    caller.require(Permission.INVITATIONS_CREATE);
    int n = PageRequest.limitOf(limit);
    return repository.ofOrganization(caller.organizationId()).stream().limit(n).toList();
  }

  public void revoke(String id) {
    caller.require(Permission.INVITATIONS_CREATE);
    Invitation invitation =
        Ids.parse(id)
            .flatMap(repository::find)
            .filter(i -> i.getOrganizationId().equals(caller.organizationId()))
            .orElseThrow(() -> new UnknownResourceException("invitation not found"));
    if (!invitation.isPending()) {
      throw new ConflictException("invitation is already " + invitation.getStatus().wire());
    }
    invitation.revoke();
    audit.record(
        AuditEntry.of("invitation.revoked")
            .in(invitation.getOrganizationId())
            .by(caller.actor())
            .on("invitation", id));
  }

  public boolean hasPending(String email) {
    return !repository.pendingFor(email).isEmpty();
  }

  /** Turns every pending invitation for {@code email} into a membership. */
  public void acceptPending(String userId, String email) {
    for (Invitation invitation : repository.pendingFor(email)) {
      memberships.addMember(invitation.getOrganizationId(), userId, invitation.getRole());
      invitation.accept();
    }
  }
}
