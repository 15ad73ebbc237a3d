package dev.chainloop.ee.organization;

import dev.chainloop.ee.audit.AuditEntry;
import dev.chainloop.ee.audit.AuditService;
import dev.chainloop.ee.organization.MembershipRepository.MemberRow;
import dev.chainloop.ee.platform.error.ConflictException;
import dev.chainloop.ee.platform.error.ForbiddenOperationException;
import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.error.UnknownResourceException;
import dev.chainloop.ee.platform.persistence.Ids;
import dev.chainloop.ee.platform.persistence.Page;
import dev.chainloop.ee.platform.persistence.PageRequest;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.Caller.Identity;
import dev.chainloop.ee.platform.security.Permission;
import dev.chainloop.ee.platform.security.Role;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * Memberships: the calling user's own (list, default, leave) and the members of the caller's
 * organization (list, change role, remove). An organization always keeps at least one owner.
 */
@Stateless
public class MembershipService {
  @Inject MembershipRepository repository;
  @Inject OrganizationRepository organizations;
  @Inject Caller caller;
  @Inject AuditService audit;

  private final Clock clock = Clock.systemUTC();

  /** A membership of the calling user, with its organization and whether the request acts on it. */
  public record MembershipView(Membership membership, Organization organization, boolean current) {}

  /** Memberships of the calling user, live organizations only. */
  public List<MembershipView> mine(Integer limit) {
    int n = PageRequest.limitOf(limit);
    String userId = caller.userId();
    String current =
        caller.identity().organization().map(Identity.OrganizationRef::id).orElse(null);
    return repository.ofUser(userId).stream()
        .flatMap(
            m ->
                organizations.findLive(m.getOrganizationId()).stream()
                    .map(org -> new MembershipView(m, org, org.getId().equals(current))))
        .limit(n)
        .toList();
  }

  public void makeDefault(String membershipId) {
    Membership chosen = ownMembership(membershipId);
    for (Membership m : repository.ofUser(caller.userId())) {
      m.setDefault(m.getId().equals(chosen.getId()));
    }
  }

  public void leave(String membershipId) {
    Membership m = ownMembership(membershipId);
    if (m.getRole() == Role.OWNER && repository.countOwners(m.getOrganizationId()) == 1) {
      throw new ConflictException(
          "you are the last owner of this organization: delete it or make someone else owner first");
    }
    repository.remove(m);
    audit.record(
        AuditEntry.of("membership.left")
            .in(m.getOrganizationId())
            .by(caller.actor())
            .on("membership", m.getId()));
  }

  public Page<MemberRow> members(String email, String role, PageRequest page) {
    caller.require(Permission.MEMBERSHIPS_LIST);
    Role roleFilter =
        role == null ? null : Role.parse(role).orElseThrow(MembershipService::unknownRole);
    var result =
        repository.members(
            caller.organizationId(), blankToNull(email), roleFilter, page.offset(), page.size());
    return Page.of(result.rows(), page, result.total());
  }

  public MemberRow updateMember(String membershipId, String roleName) {
    caller.require(Permission.MEMBERSHIPS_MANAGE);
    Role role = Role.parse(roleName).orElseThrow(MembershipService::unknownRole);
    Membership m = orgMembership(membershipId);
    guardOwners(m, role);
    m.setRole(role);
    audit.record(
        AuditEntry.of("membership.updated")
            .in(m.getOrganizationId())
            .by(caller.actor())
            .on("membership", m.getId())
            .detail("role=" + role.wire()));
    return repository
        .members(m.getOrganizationId(), null, null, 0, Integer.MAX_VALUE)
        .rows()
        .stream()
        .filter(r -> r.membership().getId().equals(m.getId()))
        .findFirst()
        .orElseThrow();
  }

  public void removeMember(String membershipId) {
    caller.require(Permission.MEMBERSHIPS_MANAGE);
    Membership m = orgMembership(membershipId);
    guardOwners(m, null);
    repository.remove(m);
    audit.record(
        AuditEntry.of("membership.deleted")
            .in(m.getOrganizationId())
            .by(caller.actor())
            .on("membership", m.getId()));
  }

  /** Adds a member (used when an invitation is accepted). */
  public void addMember(String organizationId, String userId, Role role) {
    if (organizations.findLive(organizationId).isEmpty()
        || repository.find(userId, organizationId).isPresent()) {
      return;
    }
    boolean first = repository.ofUser(userId).stream().noneMatch(Membership::isDefault);
    repository.save(new Membership(organizationId, userId, role, first, clock.instant()));
  }

  private void guardOwners(Membership target, Role newRole) {
    boolean callerIsOwner = caller.role().orElse(null) == Role.OWNER;
    boolean touchesOwner = target.getRole() == Role.OWNER || newRole == Role.OWNER;
    if (touchesOwner && !callerIsOwner) {
      throw new ForbiddenOperationException(
          "only owners can grant, change or remove the owner role");
    }
    if (target.getRole() == Role.OWNER
        && newRole != Role.OWNER
        && repository.countOwners(target.getOrganizationId()) == 1) {
      throw new ConflictException("an organization needs at least one owner");
    }
  }

  private Membership ownMembership(String membershipId) {
    return Ids.parse(membershipId)
        .flatMap(repository::find)
        .filter(m -> m.getUserId().equals(caller.userId()))
        .orElseThrow(() -> new UnknownResourceException("membership not found"));
  }

  private Membership orgMembership(String membershipId) {
    return Ids.parse(membershipId)
        .flatMap(repository::find)
        .filter(m -> m.getOrganizationId().equals(caller.organizationId()))
        .orElseThrow(() -> new UnknownResourceException("member not found"));
  }

  private static InvalidInputException unknownRole() {
    return new InvalidInputException(
        "role", "must be one of owner, admin, viewer, member, contributor");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
