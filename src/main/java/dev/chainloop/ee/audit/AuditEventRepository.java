package dev.chainloop.ee.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The audit log ({@link AuditEvent} rows) and the heads of its chains ({@link AuditChainHead}). */
@ApplicationScoped
public class AuditEventRepository {
  @PersistenceContext(unitName = "chainloop")
  EntityManager em;

  void save(AuditEvent event) {
    em.persist(event);
  }

  /** Writes the transaction's pending changes, so that locks taken next are its last ones. */
  void flush() {
    em.flush();
  }

  /** The head of chain {@code key}, locked until the transaction ends (SELECT ... FOR UPDATE). */
  Optional<AuditChainHead> lockHead(String key) {
    return Optional.ofNullable(em.find(AuditChainHead.class, key, LockModeType.PESSIMISTIC_WRITE));
  }

  Optional<AuditChainHead> findHead(String key) {
    return Optional.ofNullable(em.find(AuditChainHead.class, key));
  }

  void saveHead(AuditChainHead head) {
    em.persist(head);
  }

  /**
   * Up to {@code limit} linked events of the organization after position {@code after} and at most
   * at {@code last}, in chain order, detached (a long chain is read page by page).
   */
  List<AuditEvent> chainPage(String orgId, long after, long last, int limit) {
    List<AuditEvent> page =
        em.createNamedQuery("AuditEvent.chainOfOrg", AuditEvent.class)
            .setParameter("orgId", orgId)
            .setParameter("after", after)
            .setParameter("last", last)
            .setMaxResults(limit)
            .getResultList();
    page.forEach(em::detach);
    return page;
  }

  long countLegacyOfOrganization(String orgId) {
    return em.createNamedQuery("AuditEvent.countLegacyOfOrg", Long.class)
        .setParameter("orgId", orgId)
        .getSingleResult();
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
