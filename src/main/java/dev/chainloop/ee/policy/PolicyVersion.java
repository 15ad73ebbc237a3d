package dev.chainloop.ee.policy;

import dev.chainloop.ee.platform.persistence.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/** One immutable revision of a policy: the document exactly as the user sent it. */
@Entity
@Table(
    name = "policy_versions",
    uniqueConstraints = @UniqueConstraint(columnNames = {"policy_id", "revision"}))
@NamedQuery(
    name = "PolicyVersion.byRevision",
    query = "SELECT v FROM PolicyVersion v WHERE v.policyId = :policyId AND v.revision = :revision")
public class PolicyVersion {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "policy_id", nullable = false, length = 36)
  private String policyId;

  @Column(nullable = false)
  private int revision;

  @Lob
  @Column(name = "raw_body", nullable = false)
  private String rawBody;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected PolicyVersion() {}

  PolicyVersion(String policyId, int revision, String rawBody, Instant now) {
    this.id = Ids.newId();
    this.policyId = policyId;
    this.revision = revision;
    this.rawBody = rawBody;
    this.createdAt = now;
  }

  public String getId() {
    return id;
  }

  public String getPolicyId() {
    return policyId;
  }

  public int getRevision() {
    return revision;
  }

  public String getRawBody() {
    return rawBody;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
