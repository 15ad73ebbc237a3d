package dev.chainloop.ee.integration;

import dev.chainloop.ee.platform.persistence.Ids;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An integration kind registered in an organization under a name, with its configuration: the
 * options in clear ({@code config}, JSON) and the secret ones sealed by {@code SecretBox} for this
 * row ({@code secrets}), which no response ever carries.
 */
@Entity
@Table(name = "integrations")
@NamedQuery(
    name = "RegisteredIntegration.byName",
    query =
        "SELECT i FROM RegisteredIntegration i WHERE i.organizationId = :orgId AND i.name = :name")
@NamedQuery(
    name = "RegisteredIntegration.ofOrg",
    query = "SELECT i FROM RegisteredIntegration i WHERE i.organizationId = :orgId ORDER BY i.name")
public class RegisteredIntegration {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "organization_id", nullable = false, length = 36)
  private String organizationId;

  @Column(nullable = false, length = 63)
  private String name;

  @Column(nullable = false, length = 32)
  private String kind;

  @Column(length = 255)
  private String description;

  /** {@code <org id>/<name>}: unique, so two concurrent registrations create one. */
  @Column(name = "unique_key", nullable = false, unique = true, length = 100)
  private String uniqueKey;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(name = "config", length = 64 * 1024)
  private String config;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(name = "secrets", length = 64 * 1024)
  private String secrets;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected RegisteredIntegration() {}

  RegisteredIntegration(
      String organizationId, String name, IntegrationKind kind, String description, Instant now) {
    this.id = Ids.newId();
    this.organizationId = organizationId;
    this.name = name;
    this.kind = kind.wire();
    this.description = description;
    this.uniqueKey = organizationId + "/" + name;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** The context secrets of this row are sealed for. */
  String secretContext() {
    return "integration/" + id;
  }

  void configure(String config, String sealedSecrets, Instant now) {
    this.config = config;
    this.secrets = sealedSecrets;
    this.updatedAt = now;
  }

  void describe(String description, Instant now) {
    this.description = description;
    this.updatedAt = now;
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

  public IntegrationKind getKind() {
    return IntegrationKind.get(kind);
  }

  public String getDescription() {
    return description;
  }

  String getConfig() {
    return config;
  }

  String getSecrets() {
    return secrets;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
