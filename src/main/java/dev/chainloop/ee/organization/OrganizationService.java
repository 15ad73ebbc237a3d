package dev.chainloop.ee.organization;

import dev.chainloop.ee.audit.AuditEntry;
import dev.chainloop.ee.audit.AuditService;
import dev.chainloop.ee.platform.Names;
import dev.chainloop.ee.platform.config.Durations;
import dev.chainloop.ee.platform.error.ConflictException;
import dev.chainloop.ee.platform.error.ForbiddenOperationException;
import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.error.UnknownResourceException;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.Caller.Identity;
import dev.chainloop.ee.platform.security.Permission;
import dev.chainloop.ee.platform.security.Role;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Organizations: create, settings, delete, and which one a user's request acts on. */
@Stateless
public class OrganizationService {
  @Inject OrganizationRepository repository;
  @Inject MembershipRepository memberships;
  @Inject Caller caller;
  @Inject AuditService audit;

  private final Clock clock = Clock.systemUTC();

  /**
   * A user's membership in the organization named by the request, or their default one. Read on
   * every user request, outside any transaction.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<Identity.Membership> resolveMembership(String userId, String organizationName) {
    if (organizationName != null && !organizationName.isBlank()) {
      return repository
          .findLiveByName(organizationName.trim())
          .flatMap(org -> memberships.find(userId, org.getId()).map(m -> membership(org, m)));
    }
    return memberships.ofUser(userId).stream()
        .sorted((a, b) -> Boolean.compare(b.isDefault(), a.isDefault()))
        .flatMap(
            m -> repository.findLive(m.getOrganizationId()).stream().map(org -> membership(org, m)))
        .findFirst();
  }

  private static Identity.Membership membership(Organization org, Membership m) {
    return new Identity.Membership(
        new Identity.OrganizationRef(org.getId(), org.getName()), m.getRole());
  }

  public List<Organization> withInactivityPolicy() {
    return repository.withInactivityPolicy();
  }

  /** The live organization named {@code name}, whoever asks (SSO group mappings name them). */
  public Optional<Organization> findLiveByName(String name) {
    return repository.findLiveByName(name);
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
    boolean first = memberships.ofUser(userId).stream().noneMatch(Membership::isDefault);
    memberships.save(new Membership(org.getId(), userId, Role.OWNER, first, clock.instant()));
    audit.record(
        AuditEntry.of("organization.created")
            .in(org.getId())
            .by(caller.actor())
            .on("organization", org.getId())
            .detail(name));
    return org;
  }

  public Organization current() {
    return repository
        .findLive(caller.organizationId())
        .orElseThrow(() -> new UnknownResourceException("organization not found"));
  }

  /** Changes the settings given (null: left as they are). */
  public Organization update(
      String name,
      Integer maxDaysInactive,
      String maxLifetime,
      Boolean blockOnPolicyViolation,
      Boolean blockAttestationsOnReleasedVersions) {
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
        lifetime = Durations.parse(maxLifetime);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("apiTokenMaxLifetime", e.getMessage());
      }
      if (lifetime.isNegative()) {
        throw new InvalidInputException("apiTokenMaxLifetime", "must not be negative");
      }
      org.setApiTokenMaxLifetime(lifetime);
    }
    if (blockOnPolicyViolation != null) {
      org.setBlockOnPolicyViolation(blockOnPolicyViolation);
    }
    if (blockAttestationsOnReleasedVersions != null) {
      org.setBlockAttestationsOnReleasedVersions(blockAttestationsOnReleasedVersions);
    }
    audit.record(
        AuditEntry.of("organization.updated")
            .in(org.getId())
            .by(caller.actor())
            .on("organization", org.getId())
            .detail(settingsDetail(blockOnPolicyViolation, blockAttestationsOnReleasedVersions)));
    return org;
  }

  private static String settingsDetail(Boolean blockOnPolicyViolation, Boolean blockReleased) {
    StringBuilder detail = new StringBuilder();
    if (blockOnPolicyViolation != null) {
      detail.append("policyStrategy=").append(blockOnPolicyViolation ? "ENFORCED" : "ADVISORY");
    }
    if (blockReleased != null) {
      detail
          .append(detail.isEmpty() ? "" : " ")
          .append("blockAttestationsOnReleasedVersions=")
          .append(blockReleased);
    }
    return detail.isEmpty() ? null : detail.toString();
  }

  public void delete(String name) {
    Organization org = ownedOrganization(name, Permission.ORGANIZATION_DELETE);
    org.delete(clock.instant());
    audit.record(
        AuditEntry.of("organization.deleted")
            .in(org.getId())
            .by(caller.actor())
            .on("organization", org.getId())
            .detail(name));
  }

  /** The organization {@code name} if the calling user's role there has {@code permission}. */
  private Organization ownedOrganization(String name, Permission permission) {
    String userId = caller.userId();
    Organization org =
        repository
            .findLiveByName(name)
            .orElseThrow(
                () -> new UnknownResourceException("organization \"" + name + "\" not found"));
    Membership m =
        memberships
            .find(userId, org.getId())
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
}
