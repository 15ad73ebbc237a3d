package dev.chainloop.ee.organization;

import dev.chainloop.ee.platform.persistence.Ids;
import dev.chainloop.ee.platform.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/** A user's role in an organization. */
@Entity
@Table(
    name = "memberships",
    uniqueConstraints = @UniqueConstraint(columnNames = {"organization_id", "user_id"}))
@NamedQuery(
    name = "Membership.ofUser",
    query = "SELECT m FROM Membership m WHERE m.userId = :userId ORDER BY m.createdAt")
@NamedQuery(
    name = "Membership.ofUserInOrg",
    query = "SELECT m FROM Membership m WHERE m.userId = :userId AND m.organizationId = :orgId")
@NamedQuery(
    name = "Membership.ofOrg",
    query = "SELECT m FROM Membership m WHERE m.organizationId = :orgId ORDER BY m.createdAt, m.id")
@NamedQuery(
    name = "Membership.countOwners",
    query = "SELECT COUNT(m) FROM Membership m WHERE m.organizationId = :orgId AND m.role = :owner")
public class Membership {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "organization_id", nullable = false, length = 36)
  private String organizationId;

  @Column(name = "user_id", nullable = false, length = 36)
  private String userId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Role role;

  @Column(name = "is_default", nullable = false)
  private boolean isDefault;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Membership() {}

  Membership(String organizationId, String userId, Role role, boolean isDefault, Instant now) {
    this.id = Ids.newId();
    this.organizationId = organizationId;
    this.userId = userId;
    this.role = role;
    this.isDefault = isDefault;
    this.createdAt = now;
  }

  public String getId() {
    return id;
  }

  public String getOrganizationId() {
    return organizationId;
  }

  public String getUserId() {
    return userId;
  }

  public Role getRole() {
    return role;
  }

  public boolean isDefault() {
    return isDefault;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  void setRole(Role role) {
    this.role = role;
  }

  void setDefault(boolean isDefault) {
    this.isDefault = isDefault;
  }
}
