package dev.chainloop.ee.integration;

import dev.chainloop.ee.platform.persistence.Ids;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One attestation to send through one attached integration: a row of the outbox, written in the
 * transaction that stored the attestation. A node claims it by taking its lease ({@code leaseOwner}
 * until {@code leaseUntil}) with a conditional update, so one node at a time sends it; a node that
 * dies holding a lease loses it when it expires. The id is sent with every attempt
 * (X-Chainloop-Delivery) so that receivers can drop repeats.
 */
@Entity
@Table(
    name = "integration_deliveries",
    indexes = {
      @Index(name = "ix_delivery_due", columnList = "status, next_attempt_at"),
      @Index(name = "ix_delivery_org", columnList = "organization_id, created_at")
    })
@NamedQuery(
    name = "IntegrationDelivery.due",
    query =
        "SELECT d.id FROM IntegrationDelivery d WHERE d.status = :pending"
            + " AND d.nextAttemptAt <= :now AND (d.leaseUntil IS NULL OR d.leaseUntil < :now)"
            + " ORDER BY d.nextAttemptAt")
@NamedQuery(
    name = "IntegrationDelivery.claim",
    query =
        "UPDATE IntegrationDelivery d SET d.leaseOwner = :owner, d.leaseUntil = :until,"
            + " d.attempts = d.attempts + 1 WHERE d.id = :id AND d.status = :pending"
            + " AND d.nextAttemptAt <= :now AND (d.leaseUntil IS NULL OR d.leaseUntil < :now)")
@NamedQuery(
    name = "IntegrationDelivery.ofOrg",
    query =
        "SELECT d FROM IntegrationDelivery d WHERE d.organizationId = :orgId"
            + " ORDER BY d.createdAt DESC, d.id")
@NamedQuery(
    name = "IntegrationDelivery.ofOrgWithStatus",
    query =
        "SELECT d FROM IntegrationDelivery d WHERE d.organizationId = :orgId"
            + " AND d.status = :status ORDER BY d.createdAt DESC, d.id")
public class IntegrationDelivery {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "organization_id", nullable = false, length = 36)
  private String organizationId;

  @Column(name = "integration_id", nullable = false, length = 36)
  private String integrationId;

  @Column(name = "integration_name", nullable = false, length = 63)
  private String integrationName;

  @Column(nullable = false, length = 32)
  private String kind;

  @Column(name = "attachment_id", nullable = false, length = 36)
  private String attachmentId;

  @Column(name = "workflow_name", nullable = false, length = 63)
  private String workflowName;

  @Column(name = "run_id", nullable = false, length = 36)
  private String runId;

  @Column(name = "attestation_digest", nullable = false, length = 71)
  private String attestationDigest;

  /** The attestation summary (JSON) each sender renders its request from. */
  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(length = 4 * 1024 * 1024)
  private String payload;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private DeliveryStatus status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "lease_owner", length = 36)
  private String leaseOwner;

  @Column(name = "lease_until")
  private Instant leaseUntil;

  @Column(name = "last_error", length = 1000)
  private String lastError;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  protected IntegrationDelivery() {}

  IntegrationDelivery(
      AttachedIntegration attachment,
      RegisteredIntegration integration,
      String runId,
      String attestationDigest,
      String payload,
      Instant now) {
    this.id = Ids.newId();
    this.organizationId = attachment.getOrganizationId();
    this.integrationId = integration.getId();
    this.integrationName = integration.getName();
    this.kind = integration.getKind().wire();
    this.attachmentId = attachment.getId();
    this.workflowName = attachment.getWorkflowName();
    this.runId = runId;
    this.attestationDigest = attestationDigest;
    this.payload = payload;
    this.status = DeliveryStatus.PENDING;
    this.attempts = 0;
    this.nextAttemptAt = now;
    this.createdAt = now;
  }

  /** Sent: the lease ends with it. */
  void delivered(Instant now) {
    status = DeliveryStatus.DELIVERED;
    deliveredAt = now;
    lastError = null;
    leaseOwner = null;
    leaseUntil = null;
  }

  /** A failed attempt: again at {@code next}, or, with no next, given up. */
  void failed(String error, Instant next) {
    lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
    leaseOwner = null;
    leaseUntil = null;
    if (next == null) {
      status = DeliveryStatus.FAILED;
    } else {
      nextAttemptAt = next;
    }
  }

  public String getId() {
    return id;
  }

  public String getOrganizationId() {
    return organizationId;
  }

  public String getIntegrationId() {
    return integrationId;
  }

  public String getIntegrationName() {
    return integrationName;
  }

  public String getKind() {
    return kind;
  }

  public String getAttachmentId() {
    return attachmentId;
  }

  public String getWorkflowName() {
    return workflowName;
  }

  public String getRunId() {
    return runId;
  }

  public String getAttestationDigest() {
    return attestationDigest;
  }

  String getPayload() {
    return payload;
  }

  public DeliveryStatus getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  String getLeaseOwner() {
    return leaseOwner;
  }

  public String getLastError() {
    return lastError;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getDeliveredAt() {
    return deliveredAt;
  }
}
