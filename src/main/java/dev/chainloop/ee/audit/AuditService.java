package dev.chainloop.ee.audit;

import dev.chainloop.ee.platform.persistence.Page;
import dev.chainloop.ee.platform.persistence.PageRequest;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.Permission;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/** The audit log: who did what to which object of which organization, in UTC. */
@Stateless
public class AuditService {
  @PersistenceContext(unitName = "chainloop")
  EntityManager em;

  @Inject Caller caller;

  private final Clock clock = Clock.systemUTC();

  /** Records within the caller's transaction: the event exists only if the change commits. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void record(
      String orgId,
      String action,
      String actor,
      String targetType,
      String targetId,
      String detail) {
    em.persist(new AuditEvent(orgId, clock.instant(), action, actor, targetType, targetId, detail));
  }

  /** Records in its own transaction: for rejections, whose request rolls back. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordSeparately(
      String orgId,
      String action,
      String actor,
      String targetType,
      String targetId,
      String detail) {
    em.persist(new AuditEvent(orgId, clock.instant(), action, actor, targetType, targetId, detail));
  }

  public Page<AuditEvent> list(PageRequest page) {
    caller.require(Permission.AUDIT_LIST);
    String orgId = caller.organizationId();
    var items =
        em.createNamedQuery("AuditEvent.ofOrg", AuditEvent.class)
            .setParameter("orgId", orgId)
            .setFirstResult(page.offset())
            .setMaxResults(page.size())
            .getResultList();
    long total =
        em.createNamedQuery("AuditEvent.countOfOrg", Long.class)
            .setParameter("orgId", orgId)
            .getSingleResult();
    return Page.of(items, page, total);
  }
}
