package dev.chainloop.ee.policy;

import dev.chainloop.ee.platform.persistence.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A named policy or policy group of an organization; its documents live in {@link PolicyVersion}s.
 * Policies and groups have names of their own, as upstream's. Soft deleted so that the runs
 * evaluated against a revision keep naming it: {@code liveKey} = {@code <org>/<name>} for a policy,
 * {@code <org>/group/<name>} for a group, while live keeps names unique among the live ones.
 */
@Entity
@Table(name = "policies")
@NamedQuery(
    name = "Policy.liveByName",
    query =
        "SELECT p FROM Policy p WHERE p.organizationId = :orgId AND p.kind = :kind"
            + " AND p.name = :name AND p.deletedAt IS NULL")
@NamedQuery(
    name = "Policy.liveOfOrg",
    query =
        "SELECT p FROM Policy p WHERE p.organizationId = :orgId AND p.kind = :kind"
            + " AND p.deletedAt IS NULL ORDER BY p.name")
public class Policy {
  /** What the documents of a policy row are. */
  public enum Kind {
    POLICY(""),
    POLICY_GROUP("group/");

    private final String keyPrefix;

    Kind(String keyPrefix) {
      this.keyPrefix = keyPrefix;
    }
  }

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "organization_id", nullable = false, length = 36)
  private String organizationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Kind kind;

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

  Policy(String organizationId, Kind kind, String name, Instant now) {
    this.id = Ids.newId();
    this.organizationId = organizationId;
    this.kind = kind;
    this.name = name;
    this.createdAt = now;
    this.updatedAt = now;
    this.liveKey = organizationId + "/" + kind.keyPrefix + name;
  }

  public String getId() {
    return id;
  }

  public String getOrganizationId() {
    return organizationId;
  }

  public Kind getKind() {
    return kind;
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
