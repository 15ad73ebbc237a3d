package dev.chainloop.ee.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The audit log ({@link AuditEvent} rows). */
@ApplicationScoped
public class AuditEventRepository {
  @PersistenceContext(unitName = "chainloop")
  EntityManager em;

  void save(AuditEvent event) {
    em.persist(event);
  }

  /** A page of the organization's events, newest first. */
  List<AuditEvent> ofOrganization(String orgId, int offset, int limit) {
    return em.createNamedQuery("AuditEvent.ofOrg", AuditEvent.class)
        .setParameter("orgId", orgId)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  long countOfOrganization(String orgId) {
    return em.createNamedQuery("AuditEvent.countOfOrg", Long.class)
        .setParameter("orgId", orgId)
        .getSingleResult();
  }
}
