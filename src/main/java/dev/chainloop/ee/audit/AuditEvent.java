package dev.chainloop.ee.audit;

import dev.chainloop.ee.platform.persistence.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** Something security-relevant that happened in an organization. Never holds a secret. */
@Entity
@Table(name = "audit_events", indexes = @Index(columnList = "organization_id, occurred_at"))
@NamedQuery(
    name = "AuditEvent.ofOrg",
    query =
        "SELECT e FROM AuditEvent e WHERE e.organizationId = :orgId ORDER BY e.occurredAt DESC, e.id")
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

  protected AuditEvent() {}

  AuditEvent(AuditEntry entry, Instant occurredAt) {
    this.id = Ids.newId();
    this.organizationId = entry.organizationId();
    this.occurredAt = occurredAt;
    this.action = entry.action();
    this.actor = entry.actor();
    this.targetType = entry.targetType();
    this.targetId = entry.targetId();
    String detail = entry.detail();
    this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
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
}
