package dev.chainloop.ee.organization;

import dev.chainloop.ee.audit.AuditService;
import dev.chainloop.ee.platform.Names;
import dev.chainloop.ee.platform.error.ConflictException;
import dev.chainloop.ee.platform.error.ForbiddenOperationException;
import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.error.UnknownResourceException;
import dev.chainloop.ee.platform.persistence.Ids;
import dev.chainloop.ee.platform.persistence.Page;
import dev.chainloop.ee.platform.persistence.PageRequest;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.Permission;
import dev.chainloop.ee.platform.security.Role;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Organizations and their memberships. */
@Stateless
public class OrganizationService {
  @Inject OrganizationRepository repository;
  @Inject Caller caller;
  @Inject AuditService audit;

  private final Clock clock = Clock.systemUTC();

  /** A user's membership in the organization named by the request, or their default one. */
  public record OrgMembership(String organizationId, String organizationName, Role role) {}

  public Optional<OrgMembership> resolveMembership(String userId, String organizationName) {
    if (organizationName != null && !organizationName.isBlank()) {
      return repository
          .findLiveByName(organizationName.trim())
          .flatMap(
              org ->
                  repository
                      .membership(userId, org.getId())
                      .map(m -> new OrgMembership(org.getId(), org.getName(), m.getRole())));
    }
    List<Membership> memberships = repository.membershipsOf(userId);
    return memberships.stream()
        .sorted((a, b) -> Boolean.compare(b.isDefault(), a.isDefault()))
        .flatMap(
            m ->
                repository.findLive(m.getOrganizationId()).stream()
                    .map(org -> new OrgMembership(org.getId(), org.getName(), m.getRole())))
        .findFirst();
  }

  public List<Organization> withInactivityPolicy() {
    return repository.withInactivityPolicy();
  }

  public Optional<Organization> findLive(String organizationId) {
    return repository.findLive(organizationId);
  }

  public Organization create(String name) {
    Names.requireDns1123("name", name);
    String userId = caller.userId();
    if (repository.findLiveByName(name).isPresent()) {
      throw new ConflictException("organization \"" + name + "\" already exists");
    }
    Organization org = new Organization(name, clock.instant());
    repository.save(org);
    boolean first = repository.membershipsOf(userId).stream().noneMatch(Membership::isDefault);
    repository.save(new Membership(org.getId(), userId, Role.OWNER, first, clock.instant()));
    audit.record(
        org.getId(), "organization.created", caller.actor(), "organization", org.getId(), name);
    return org;
  }

  public Organization current() {
    return repository
        .findLive(caller.organizationId())
        .orElseThrow(() -> new UnknownResourceException("organization not found"));
  }

  /** Memberships of the calling user, live organizations only. */
  public List<MembershipView> myMemberships() {
    String userId = caller.userId();
    String current = caller.identity().organizationId();
    return repository.membershipsOf(userId).stream()
        .flatMap(
            m ->
                repository.findLive(m.getOrganizationId()).stream()
                    .map(org -> new MembershipView(m, org, org.getId().equals(current))))
        .toList();
  }

  public record MembershipView(Membership membership, Organization organization, boolean current) {}

  public void makeDefault(String membershipId) {
    Membership chosen = ownMembership(membershipId);
    for (Membership m : repository.membershipsOf(caller.userId())) {
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
        m.getOrganizationId(), "membership.left", caller.actor(), "membership", m.getId(), null);
  }

  public Organization update(String name, Integer maxDaysInactive, String maxLifetime) {
    Organization org = ownedOrganization(name, Permission.ORGANIZATION_UPDATE);
    if (maxDaysInactive != null) {
      if (maxDaysInactive < 0 || maxDaysInactive > 365) {
        throw new InvalidInputException(
            "apiTokenMaxDaysInactive", "must be between 0 (disabled) and 365");
      }
      org.setApiTokenMaxDaysInactive(maxDaysInactive);
    }
    if (maxLifetime != null) {
      Duration lifetime;
      try {
        lifetime = dev.chainloop.ee.platform.config.Durations.parse(maxLifetime);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("apiTokenMaxLifetime", e.getMessage());
      }
      if (lifetime.isNegative()) {
        throw new InvalidInputException("apiTokenMaxLifetime", "must not be negative");
      }
      org.setApiTokenMaxLifetime(lifetime);
    }
    audit.record(
        org.getId(), "organization.updated", caller.actor(), "organization", org.getId(), null);
    return org;
  }

  public void delete(String name) {
    Organization org = ownedOrganization(name, Permission.ORGANIZATION_DELETE);
    org.delete(clock.instant());
    audit.record(
        org.getId(), "organization.deleted", caller.actor(), "organization", org.getId(), name);
  }

  public Page<OrganizationRepository.MemberRow> members(
      String email, String role, PageRequest page) {
    caller.require(Permission.MEMBERSHIPS_LIST);
    if (role != null && Role.parse(role).isEmpty()) {
      throw new InvalidInputException(
          "role", "must be one of owner, admin, viewer, member, contributor");
    }
    var result =
        repository.members(
            caller.organizationId(),
            blankToNull(email),
            blankToNull(role),
            page.offset(),
            page.size());
    return Page.of(result.rows(), page, result.total());
  }

  public OrganizationRepository.MemberRow updateMember(String membershipId, String roleName) {
    caller.require(Permission.MEMBERSHIPS_MANAGE);
    Role role =
        Role.parse(roleName)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "role", "must be one of owner, admin, viewer, member, contributor"));
    Membership m = orgMembership(membershipId);
    guardOwners(m, role);
    m.setRole(role);
    audit.record(
        m.getOrganizationId(),
        "membership.updated",
        caller.actor(),
        "membership",
        m.getId(),
        "role=" + role.wire());
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
        m.getOrganizationId(), "membership.deleted", caller.actor(), "membership", m.getId(), null);
  }

  /** Adds a member (used when an invitation is accepted). */
  public void addMember(String organizationId, String userId, Role role) {
    if (repository.findLive(organizationId).isEmpty()
        || repository.membership(userId, organizationId).isPresent()) {
      return;
    }
    boolean first = repository.membershipsOf(userId).stream().noneMatch(Membership::isDefault);
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
        .flatMap(repository::findMembership)
        .filter(m -> m.getUserId().equals(caller.userId()))
        .orElseThrow(() -> new UnknownResourceException("membership not found"));
  }

  private Membership orgMembership(String membershipId) {
    return Ids.parse(membershipId)
        .flatMap(repository::findMembership)
        .filter(m -> m.getOrganizationId().equals(caller.organizationId()))
        .orElseThrow(() -> new UnknownResourceException("member not found"));
  }

  private Organization ownedOrganization(String name, Permission permission) {
    String userId = caller.userId();
    Organization org =
        repository
            .findLiveByName(name)
            .orElseThrow(
                () -> new UnknownResourceException("organization \"" + name + "\" not found"));
    Membership m =
        repository
            .membership(userId, org.getId())
            .orElseThrow(
                () -> new UnknownResourceException("organization \"" + name + "\" not found"));
    if (!m.getRole().permissions().contains(permission)) {
      throw new ForbiddenOperationException(
          "operation not allowed: your role "
              + m.getRole().wire()
              + " lacks the permission "
              + permission.wire());
    }
    return org;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
