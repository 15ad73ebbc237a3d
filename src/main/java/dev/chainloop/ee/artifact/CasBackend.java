package dev.chainloop.ee.artifact;

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
 * A CAS backend an organization added (OCI or S3): where it is in clear, its credentials sealed by
 * {@code SecretBox} for this row (never returned, never logged), its flags and its last validation.
 * The built-in and inline backends every organization has are not rows: see {@link
 * CasBackendService}.
 */
@Entity
@Table(name = "cas_backends")
@NamedQuery(
    name = "CasBackend.byName",
    query = "SELECT b FROM CasBackend b WHERE b.organizationId = :orgId AND b.name = :name")
@NamedQuery(
    name = "CasBackend.ofOrg",
    query = "SELECT b FROM CasBackend b WHERE b.organizationId = :orgId ORDER BY b.name")
@NamedQuery(name = "CasBackend.all", query = "SELECT b FROM CasBackend b ORDER BY b.id")
public class CasBackend {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "organization_id", nullable = false, length = 36)
  private String organizationId;

  @Column(nullable = false, length = 63)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private CasBackendKind kind;

  /**
   * OCI: the repository ({@code host[:port]/path}); S3: the bucket, preceded by the endpoint of an
   * S3-compatible store ({@code https://host:port/bucket}), as upstream keeps it.
   */
  @Column(nullable = false, length = 512)
  private String location;

  @Column(length = 64)
  private String region;

  @Column(length = 255)
  private String description;

  /** {@code <org id>/<name>}: unique, so two concurrent additions create one. */
  @Column(name = "unique_key", nullable = false, unique = true, length = 100)
  private String uniqueKey;

  /** OCI username or AWS access key id, sealed. */
  @Column(name = "credential_id", nullable = false, length = 2048)
  private String credentialId;

  /** OCI password or AWS secret access key, sealed. */
  @Column(name = "credential_secret", nullable = false, length = 4096)
  private String credentialSecret;

  @Column(name = "is_default", nullable = false)
  private boolean isDefault;

  @Column(name = "is_fallback", nullable = false)
  private boolean fallback;

  /** Largest blob accepted; null: only the deployment's limit. */
  @Column(name = "max_bytes")
  private Long maxBytes;

  @Enumerated(EnumType.STRING)
  @Column(name = "validation_status", nullable = false, length = 16)
  private ValidationStatus validationStatus;

  @Column(name = "validation_error", length = 512)
  private String validationError;

  @Column(name = "validated_at", nullable = false)
  private Instant validatedAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected CasBackend() {}

  CasBackend(
      String organizationId,
      String name,
      CasBackendKind kind,
      String location,
      String region,
      Instant now) {
    this.id = Ids.newId();
    this.organizationId = organizationId;
    this.name = name;
    this.kind = kind;
    this.location = location;
    this.region = region;
    this.uniqueKey = organizationId + "/" + name;
    this.validationStatus = ValidationStatus.OK;
    this.validatedAt = now;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** The context credentials of this row are sealed for. */
  String secretContext() {
    return "cas-backend/" + id;
  }

  void credentials(String sealedId, String sealedSecret, Instant now) {
    this.credentialId = sealedId;
    this.credentialSecret = sealedSecret;
    this.updatedAt = now;
  }

  void region(String region, Instant now) {
    this.region = region;
    this.updatedAt = now;
  }

  void describe(String description, Instant now) {
    this.description = description;
    this.updatedAt = now;
  }

  void makeDefault(boolean value, Instant now) {
    if (isDefault != value) {
      this.isDefault = value;
      this.updatedAt = now;
    }
  }

  void makeFallback(boolean value, Instant now) {
    if (fallback != value) {
      this.fallback = value;
      this.updatedAt = now;
    }
  }

  void limit(Long maxBytes, Instant now) {
    this.maxBytes = maxBytes;
    this.updatedAt = now;
  }

  /** Records a validation; {@code error} null means it passed. */
  void validated(String error, Instant now) {
    this.validationStatus = error == null ? ValidationStatus.OK : ValidationStatus.INVALID;
    this.validationError = error == null ? null : truncate(error);
    this.validatedAt = now;
  }

  private static String truncate(String s) {
    return s.length() <= 512 ? s : s.substring(0, 509) + "...";
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

  public CasBackendKind getKind() {
    return kind;
  }

  public String getLocation() {
    return location;
  }

  public String getRegion() {
    return region;
  }

  public String getDescription() {
    return description;
  }

  String getCredentialId() {
    return credentialId;
  }

  String getCredentialSecret() {
    return credentialSecret;
  }

  public boolean isDefault() {
    return isDefault;
  }

  public boolean isFallback() {
    return fallback;
  }

  public Long getMaxBytes() {
    return maxBytes;
  }

  public ValidationStatus getValidationStatus() {
    return validationStatus;
  }

  public String getValidationError() {
    return validationError;
  }

  public Instant getValidatedAt() {
    return validatedAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
