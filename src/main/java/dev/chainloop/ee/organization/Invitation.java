package dev.chainloop.ee.organization;

import dev.chainloop.ee.platform.persistence.Ids;
import dev.chainloop.ee.platform.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/** An invitation for an email to join an organization; accepted when that email logs in. */
@Entity
@Table(name = "invitations")
@NamedQuery(
    name = "Invitation.withStatusFor",
    query = "SELECT i FROM Invitation i WHERE i.receiverEmail = :email AND i.status = :status")
@NamedQuery(
    name = "Invitation.ofOrg",
    query = "SELECT i FROM Invitation i WHERE i.organizationId = :orgId ORDER BY i.createdAt DESC")
public class Invitation {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "organization_id", nullable = false, length = 36)
  private String organizationId;

  @Column(name = "sender_id", nullable = false, length = 36)
  private String senderId;

  @Column(name = "receiver_email", nullable = false, length = 320)
  private String receiverEmail;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Role role;

  @Convert(converter = InvitationStatusConverter.class)
  @Column(nullable = false, length = 20)
  private InvitationStatus status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Invitation() {}

  Invitation(String organizationId, String senderId, String receiverEmail, Role role, Instant now) {
    this.id = Ids.newId();
    this.organizationId = organizationId;
    this.senderId = senderId;
    this.receiverEmail = receiverEmail.trim().toLowerCase(Locale.ROOT);
    this.role = role;
    this.status = InvitationStatus.PENDING;
    this.createdAt = now;
  }

  public String getId() {
    return id;
  }

  public String getOrganizationId() {
    return organizationId;
  }

  public String getReceiverEmail() {
    return receiverEmail;
  }

  public Role getRole() {
    return role;
  }

  public InvitationStatus getStatus() {
    return status;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public boolean isPending() {
    return status == InvitationStatus.PENDING;
  }

  void accept() {
    status = InvitationStatus.ACCEPTED;
  }

  void revoke() {
    status = InvitationStatus.REVOKED;
  }
}
