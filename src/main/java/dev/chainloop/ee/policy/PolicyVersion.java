package dev.chainloop.ee.policy;

import dev.chainloop.ee.platform.persistence.DocumentRevision;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/** One immutable revision of a policy or policy group: the document exactly as the user sent it. */
@Entity
@Table(
    name = "policy_versions",
    uniqueConstraints = @UniqueConstraint(columnNames = {"policy_id", "revision"}))
@NamedQuery(
    name = "PolicyVersion.byRevision",
    query = "SELECT v FROM PolicyVersion v WHERE v.policyId = :policyId AND v.revision = :revision")
public class PolicyVersion extends DocumentRevision {
  @Column(name = "policy_id", nullable = false, length = 36)
  private String policyId;

  protected PolicyVersion() {}

  PolicyVersion(String policyId, int revision, String rawBody, Instant now) {
    super(revision, rawBody, now);
    this.policyId = policyId;
  }

  public String getPolicyId() {
    return policyId;
  }
}
