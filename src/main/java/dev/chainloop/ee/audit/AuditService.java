package dev.chainloop.ee.audit;

import dev.chainloop.ee.platform.persistence.Page;
import dev.chainloop.ee.platform.persistence.PageRequest;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.Permission;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * The audit log: who did what to which object of which organization, in UTC, each event linked to
 * the previous one of its organization by a hash ({@link AuditChain}).
 */
@Stateless
public class AuditService {
  /** Events read per query when verifying a chain. */
  private static final int VERIFY_PAGE = 500;

  @Inject AuditEventRepository repository;

  @Inject AuditChainStarter starter;

  @Inject Caller caller;

  private final Clock clock = Clock.systemUTC();

  /** Records within the caller's transaction: the event exists only if the change commits. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void record(AuditEntry entry) {
    append(entry);
  }

  /** Records in its own transaction: for rejections, whose request rolls back. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordSeparately(AuditEntry entry) {
    append(entry);
  }

  /**
   * Appends under the chain head's row lock, held until commit: appends to one organization's chain
   * are serialized across threads and nodes, so positions never fork. The caller's own writes are
   * flushed first, so that the head is the last lock the transaction takes and a transaction
   * waiting for it holds nothing this one still needs.
   */
  private void append(AuditEntry entry) {
    repository.flush();
    String key = AuditChainHead.keyOf(entry.organizationId());
    AuditChainHead head = repository.lockHead(key).orElseGet(() -> startChain(key));
    AuditEvent event = new AuditEvent(entry, clock.instant());
    head.append(event);
    repository.save(event);
  }

  private AuditChainHead startChain(String key) {
    try {
      starter.start(key);
    } catch (EJBException lostRace) {
      // Another transaction created the head first: lock theirs.
    }
    return repository
        .lockHead(key)
        .orElseThrow(() -> new IllegalStateException("audit chain head " + key + " missing"));
  }

  public Page<AuditEvent> list(PageRequest page) {
    caller.require(Permission.AUDIT_LIST);
    String orgId = caller.organizationId();
    return Page.of(
        repository.ofOrganization(orgId, page.offset(), page.size()),
        page,
        repository.countOfOrganization(orgId));
  }

  /**
   * Recomputes the caller's organization's chain from its first linked event to the head and names
   * the first link that does not hold. Events appended while it runs are not looked at.
   */
  public AuditChainVerification verify() {
    caller.require(Permission.AUDIT_LIST);
    String orgId = caller.organizationId();
    AuditChainHead head = repository.findHead(orgId).orElse(new AuditChainHead(orgId));
    AuditChainVerification.Walk walk = new AuditChainVerification.Walk();
    String lastEventId = null;
    List<AuditEvent> page;
    do {
      page = repository.chainPage(orgId, walk.position(), head.lastPosition(), VERIFY_PAGE);
      for (AuditEvent e : page) {
        if (!walk.accept(e)) {
          break;
        }
        lastEventId = e.getId();
      }
    } while (page.size() == VERIFY_PAGE && !walk.broken());
    return walk.end(
        head.lastPosition(),
        head.lastHash(),
        repository.countLegacyOfOrganization(orgId),
        lastEventId);
  }
}
