package dev.chainloop.ee.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
public class OrganizationRepository {
  @PersistenceContext(unitName = "chainloop")
  EntityManager em;

  Optional<Organization> findLive(String id) {
    return Optional.ofNullable(em.find(Organization.class, id)).filter(Organization::isLive);
  }

  Optional<Organization> findLiveByName(String name) {
    return em.createNamedQuery("Organization.liveByName", Organization.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  List<Organization> withInactivityPolicy() {
    return em.createNamedQuery("Organization.withInactivityPolicy", Organization.class)
        .getResultList();
  }

  List<Membership> membershipsOf(String userId) {
    return em.createNamedQuery("Membership.ofUser", Membership.class)
        .setParameter("userId", userId)
        .getResultList();
  }

  Optional<Membership> membership(String userId, String orgId) {
    return em.createNamedQuery("Membership.ofUserInOrg", Membership.class)
        .setParameter("userId", userId)
        .setParameter("orgId", orgId)
        .getResultStream()
        .findFirst();
  }

  Optional<Membership> findMembership(String id) {
    return Optional.ofNullable(em.find(Membership.class, id));
  }

  long countOwners(String orgId) {
    return em.createNamedQuery("Membership.countOwners", Long.class)
        .setParameter("orgId", orgId)
        .getSingleResult();
  }

  /** Members of an org with their emails, filtered and paged; {@code [memberships, total]}. */
  MemberPage members(String orgId, String email, String role, int offset, int limit) {
    StringBuilder where =
        new StringBuilder(
            " FROM Membership m, User u WHERE m.userId = u.id AND m.organizationId = :orgId");
    if (email != null) {
      where.append(" AND u.email LIKE :email");
    }
    if (role != null) {
      where.append(" AND m.role = :role");
    }
    TypedQuery<Object[]> rows =
        em.createQuery(
            "SELECT m, u.email, u.name" + where + " ORDER BY m.createdAt, m.id", Object[].class);
    TypedQuery<Long> count = em.createQuery("SELECT COUNT(m)" + where, Long.class);
    for (TypedQuery<?> q : List.of(rows, count)) {
      q.setParameter("orgId", orgId);
      if (email != null) {
        q.setParameter("email", "%" + email.toLowerCase(Locale.ROOT) + "%");
      }
      if (role != null) {
        q.setParameter("role", dev.chainloop.ee.platform.security.Role.parse(role).orElseThrow());
      }
    }
    List<MemberRow> result = new ArrayList<>();
    for (Object[] r : rows.setFirstResult(offset).setMaxResults(limit).getResultList()) {
      result.add(new MemberRow((Membership) r[0], (String) r[1], (String) r[2]));
    }
    return new MemberPage(result, count.getSingleResult());
  }

  record MemberRow(Membership membership, String email, String name) {}

  record MemberPage(List<MemberRow> rows, long total) {}

  List<Invitation> pendingInvitations(String email) {
    return em.createNamedQuery("Invitation.pendingFor", Invitation.class)
        .setParameter("email", email.trim().toLowerCase(Locale.ROOT))
        .getResultList();
  }

  List<Invitation> invitationsOf(String orgId) {
    return em.createNamedQuery("Invitation.ofOrg", Invitation.class)
        .setParameter("orgId", orgId)
        .getResultList();
  }

  Optional<Invitation> findInvitation(String id) {
    return Optional.ofNullable(em.find(Invitation.class, id));
  }

  void save(Object entity) {
    em.persist(entity);
  }

  void remove(Object entity) {
    em.remove(entity);
  }
}
