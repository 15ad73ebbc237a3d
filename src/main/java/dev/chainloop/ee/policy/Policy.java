package dev.chainloop.ee.policy;

import dev.chainloop.ee.platform.persistence.RevisedDocument;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
    name = "Policy.backfillKind",
    query = "UPDATE Policy p SET p.kind = :kind WHERE p.kind IS NULL")
@NamedQuery(
    name = "Policy.liveOfOrg",
    query =
        "SELECT p FROM Policy p WHERE p.organizationId = :orgId AND p.kind = :kind"
            + " AND p.deletedAt IS NULL ORDER BY p.name")
public class Policy extends RevisedDocument {
  /** What the documents of a policy row are. */
  public enum Kind {
    POLICY(""),
    POLICY_GROUP("group/");

    private final String keyPrefix;

    Kind(String keyPrefix) {
      this.keyPrefix = keyPrefix;
    }
  }

  // Nullable in the schema only: the column was added to tables that already held policies, whose
  // rows PolicyKindBackfill sets to POLICY at start; every row written since has a kind.
  @Enumerated(EnumType.STRING)
  @Column(length = 16)
  private Kind kind;

  protected Policy() {}

  Policy(String organizationId, Kind kind, String name, Instant now) {
    super(organizationId, name, organizationId + "/" + kind.keyPrefix + name, now);
    this.kind = kind;
  }

  public Kind getKind() {
    return kind;
  }

  /** The next revision number, now the latest, with the description its document carries. */
  int nextRevision(String description, Instant now) {
    setDescription(description, now);
    return nextRevision(now);
  }
}
