package dev.chainloop.ee.audit;

import dev.chainloop.ee.platform.persistence.Page;
import dev.chainloop.ee.platform.persistence.PageRequest;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.Permission;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;

/** The audit log: who did what to which object of which organization, in UTC. */
@Stateless
public class AuditService {
  @Inject AuditEventRepository repository;

  @Inject Caller caller;

  private final Clock clock = Clock.systemUTC();

  /** Records within the caller's transaction: the event exists only if the change commits. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void record(AuditEntry entry) {
    repository.save(new AuditEvent(entry, clock.instant()));
  }

  /** Records in its own transaction: for rejections, whose request rolls back. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordSeparately(AuditEntry entry) {
    repository.save(new AuditEvent(entry, clock.instant()));
  }

  public Page<AuditEvent> list(PageRequest page) {
    caller.require(Permission.AUDIT_LIST);
    String orgId = caller.organizationId();
    return Page.of(
        repository.ofOrganization(orgId, page.offset(), page.size()),
        page,
        repository.countOfOrganization(orgId));
  }
}
