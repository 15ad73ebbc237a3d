package dev.chainloop.ee.policy;

import dev.chainloop.ee.platform.persistence.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A named policy of an organization; its documents live in {@link PolicyVersion}s. Soft deleted so
 * that the runs evaluated against a revision keep naming it: {@code liveKey} = {@code <org>/<name>}
 * while live keeps names unique among live ones.
 */
@Entity
@Table(name = "policies")
@NamedQuery(
    name = "Policy.liveByName",
    query =
        "SELECT p FROM Policy p WHERE p.organizationId = :orgId AND p.name = :name"
            + " AND p.deletedAt IS NULL")
@NamedQuery(
    name = "Policy.liveOfOrg",
    query =
        "SELECT p FROM Policy p WHERE p.organizationId = :orgId AND p.deletedAt IS NULL"
            + " ORDER BY p.name")
public class Policy {
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

  protected Policy() {}

  Policy(String organizationId, String name, Instant now) {
    this.id = Ids.newId();
    this.organizationId = organizationId;
    this.name = name;
    this.createdAt = now;
    this.updatedAt = now;
    this.liveKey = organizationId + "/" + name;
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

  /** The next revision number, now the latest, with the description its document carries. */
  int nextRevision(String description, Instant now) {
    this.description = description;
    latestRevision++;
    updatedAt = now;
    return latestRevision;
  }

  void delete(Instant now) {
    this.deletedAt = now;
    this.liveKey = null;
  }
}
