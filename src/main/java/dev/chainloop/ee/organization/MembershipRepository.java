package dev.chainloop.ee.organization;

import dev.chainloop.ee.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Who belongs to which organization ({@link Membership} rows). */
@ApplicationScoped
public class MembershipRepository {
  @PersistenceContext(unitName = "chainloop")
  EntityManager em;

  /** A member with the email and name of their account. */
  record MemberRow(Membership membership, String email, String name) {}

  /** One page of members and how many match in all. */
  record MemberPage(List<MemberRow> rows, long total) {}

  /** The user's memberships, oldest first. */
  List<Membership> ofUser(String userId) {
    return em.createNamedQuery("Membership.ofUser", Membership.class)
        .setParameter("userId", userId)
        .getResultList();
  }

  Optional<Membership> find(String userId, String orgId) {
    return em.createNamedQuery("Membership.ofUserInOrg", Membership.class)
        .setParameter("userId", userId)
        .setParameter("orgId", orgId)
        .getResultStream()
        .findFirst();
  }

  Optional<Membership> find(String id) {
    return Optional.ofNullable(em.find(Membership.class, id));
  }

  long countOwners(String orgId) {
    return em.createNamedQuery("Membership.countOwners", Long.class)
        .setParameter("orgId", orgId)
        .setParameter("owner", Role.OWNER)
        .getSingleResult();
  }

  /**
   * Members of an org with their emails, filtered by email part and role (either may be null) and
   * paged. Built per call: each filter left out drops its condition.
   */
  MemberPage members(String orgId, String email, Role role, int offset, int limit) {
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
        q.setParameter("role", role);
      }
    }
    List<MemberRow> result = new ArrayList<>();
    for (Object[] r : rows.setFirstResult(offset).setMaxResults(limit).getResultList()) {
      result.add(new MemberRow((Membership) r[0], (String) r[1], (String) r[2]));
    }
    return new MemberPage(result, count.getSingleResult());
  }

  void save(Membership membership) {
    em.persist(membership);
  }

  void remove(Membership membership) {
    em.remove(membership);
  }
}
