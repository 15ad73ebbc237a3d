package dev.chainloop.ee.audit;

import dev.chainloop.ee.platform.persistence.Ids;
import dev.chainloop.ee.platform.web.RequestId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Something security-relevant that happened in an organization. Never holds a secret.
 *
 * <p>Each event is a link of its organization's hash chain ({@link AuditChain}): its position, the
 * previous event's hash and its own. Events written before the chain existed have none of the three
 * ("legacy" events); they are counted by verification but not checked.
 */
@Entity
@Table(
    name = "audit_events",
    indexes = @Index(columnList = "organization_id, occurred_at"),
    uniqueConstraints = @UniqueConstraint(columnNames = {"organization_id", "chain_position"}))
@NamedQuery(
    name = "AuditEvent.ofOrg",
    query =
        "SELECT e FROM AuditEvent e WHERE e.organizationId = :orgId ORDER BY e.occurredAt DESC, e.id")
@NamedQuery(
    name = "AuditEvent.chainOfOrg",
    query =
        "SELECT e FROM AuditEvent e WHERE e.organizationId = :orgId AND e.chainPosition > :after"
            + " AND e.chainPosition <= :last ORDER BY e.chainPosition")
@NamedQuery(
    name = "AuditEvent.countLegacyOfOrg",
    query =
        "SELECT COUNT(e) FROM AuditEvent e WHERE e.organizationId = :orgId"
            + " AND e.chainPosition IS NULL")
@NamedQuery(
    name = "AuditEvent.countOfOrg",
    query = "SELECT COUNT(e) FROM AuditEvent e WHERE e.organizationId = :orgId")
public class AuditEvent {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "organization_id", length = 36)
  private String organizationId;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(nullable = false, length = 64)
  private String action;

  @Column(length = 320)
  private String actor;

  @Column(name = "target_type", length = 64)
  private String targetType;

  @Column(name = "target_id", length = 320)
  private String targetId;

  @Column(length = 1000)
  private String detail;

  /** The request that caused it ({@code X-Request-Id}); null outside requests and before ids. */
  @Column(name = "request_id", length = 128)
  private String requestId;

  @Column(name = "chain_position")
  private Long chainPosition;

  @Column(name = "previous_hash", length = 64)
  private String previousHash;

  @Column(name = "event_hash", length = 64)
  private String hash;

  protected AuditEvent() {}

  AuditEvent(AuditEntry entry, Instant occurredAt) {
    this.id = Ids.newId();
    this.organizationId = entry.organizationId();
    // PostgreSQL keeps microseconds: the hashed time must be the one read back.
    this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    this.action = entry.action();
    this.actor = entry.actor();
    this.targetType = entry.targetType();
    this.targetId = entry.targetId();
    String detail = entry.detail();
    this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    this.requestId = RequestId.current().orElse(null);
  }

  /** Makes this event the link at {@code position}, after the event whose hash is given. */
  void link(long position, String previousHash) {
    this.chainPosition = position;
    this.previousHash = previousHash;
    this.hash = computeHash();
  }

  /** The hash of this row's fields as they are now: differs from {@link #getHash()} if edited. */
  String computeHash() {
    return AuditChain.hash(
        previousHash,
        chainPosition,
        id,
        organizationId,
        occurredAt,
        action,
        actor,
        targetType,
        targetId,
        detail,
        requestId);
  }

  public String getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getAction() {
    return action;
  }

  public String getRequestId() {
    return requestId;
  }

  public String getActor() {
    return actor;
  }

  public String getOrganizationId() {
    return organizationId;
  }

  public String getTargetType() {
    return targetType;
  }

  public String getTargetId() {
    return targetId;
  }

  public String getDetail() {
    return detail;
  }

  public Long getChainPosition() {
    return chainPosition;
  }

  public String getPreviousHash() {
    return previousHash;
  }

  public String getHash() {
    return hash;
  }
}
