package dev.chainloop.ee.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * A named document of an organization kept as immutable revisions (contracts, policies, policy
 * groups): its name, description and latest revision number. Soft deleted so that what was
 * evaluated against a revision keeps naming it; {@code liveKey}, unique and null once deleted,
 * keeps names unique among the live ones.
 */
@MappedSuperclass
public abstract class RevisedDocument {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "organization_id", nullable = false, length = 36)
  private String organizationId;

  @Column(nullable = false, length = 63)
  private String name;

  @Column(length = 1000)
  private String description;

  @Column(name = "latest_revision", nullable = false)
  private int latestRevision;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  @Column(name = "live_key", unique = true, length = 110)
  private String liveKey;

  protected RevisedDocument() {}

  /** {@code liveKey} must be unique per live document of its kind, e.g. {@code <org>/<name>}. */
  protected RevisedDocument(String organizationId, String name, String liveKey, Instant now) {
    this.id = Ids.newId();
    this.organizationId = organizationId;
    this.name = name;
    this.createdAt = now;
    this.updatedAt = now;
    this.liveKey = liveKey;
  }

  public String getId() {
    return id;
  }

  public String getOrganizationId() {
    return organizationId;
  }

  public String getName() {
    return name;
  }

  public String getDescription() {
    return description;
  }

  public int getLatestRevision() {
    return latestRevision;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public Instant getDeletedAt() {
    return deletedAt;
  }

  public void setDescription(String description, Instant now) {
    this.description = description;
    this.updatedAt = now;
  }

  /** The next revision number, now the latest. */
  public int nextRevision(Instant now) {
    latestRevision++;
    updatedAt = now;
    return latestRevision;
  }

  public void delete(Instant now) {
    this.deletedAt = now;
    this.liveKey = null;
  }
}
