package dev.chainloop.ee.organization;

import dev.chainloop.ee.platform.persistence.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A tenant. Deleting is soft ({@code deletedAt}); {@code liveName} holds the name only while the
 * organization lives, so its unique constraint frees the name on delete on every database.
 */
@Entity
@Table(name = "organizations")
@NamedQuery(
    name = "Organization.liveByName",
    query = "SELECT o FROM Organization o WHERE o.liveName = :name")
@NamedQuery(
    name = "Organization.withInactivityPolicy",
    query =
        "SELECT o FROM Organization o WHERE o.deletedAt IS NULL AND o.apiTokenMaxDaysInactive > 0")
public class Organization {
  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = 63)
  private String name;

  @Column(name = "live_name", unique = true, length = 63)
  private String liveName;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  @Column(name = "api_token_max_days_inactive")
  private Integer apiTokenMaxDaysInactive;

  @Column(name = "api_token_max_lifetime_s")
  private Long apiTokenMaxLifetimeSeconds;

  /**
   * Upstream's {@code --block}: ENFORCED when set, so that any policy violation fails a push; null
   * (organizations older than policies) is ADVISORY, where only gated policies block.
   */
  @Column(name = "block_on_policy_violation")
  private Boolean blockOnPolicyViolation;

  /** Upstream's {@code --block-attestations-on-released-versions}: null (never set) is off. */
  @Column(name = "block_released_versions")
  private Boolean blockAttestationsOnReleasedVersions;

  protected Organization() {}

  Organization(String name, Instant now) {
    this.id = Ids.newId();
    this.name = name;
    this.liveName = name;
    this.createdAt = now;
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public boolean isLive() {
    return deletedAt == null;
  }

  public Integer getApiTokenMaxDaysInactive() {
    return apiTokenMaxDaysInactive;
  }

  public Duration getApiTokenMaxLifetime() {
    return apiTokenMaxLifetimeSeconds == null
        ? null
        : Duration.ofSeconds(apiTokenMaxLifetimeSeconds);
  }

  void setApiTokenMaxDaysInactive(Integer days) {
    this.apiTokenMaxDaysInactive = days == null || days == 0 ? null : days;
  }

  void setApiTokenMaxLifetime(Duration lifetime) {
    this.apiTokenMaxLifetimeSeconds =
        lifetime == null || lifetime.isZero() ? null : lifetime.toSeconds();
  }

  public boolean blocksOnPolicyViolation() {
    return Boolean.TRUE.equals(blockOnPolicyViolation);
  }

  void setBlockOnPolicyViolation(boolean block) {
    this.blockOnPolicyViolation = block;
  }

  /** Whether attestations on released (immutable) project versions are refused. */
  public boolean blocksAttestationsOnReleasedVersions() {
    return Boolean.TRUE.equals(blockAttestationsOnReleasedVersions);
  }

  void setBlockAttestationsOnReleasedVersions(boolean block) {
    this.blockAttestationsOnReleasedVersions = block;
  }

  void delete(Instant now) {
    deletedAt = now;
    liveName = null;
  }
}
