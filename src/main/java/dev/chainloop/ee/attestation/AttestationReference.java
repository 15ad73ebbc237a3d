package dev.chainloop.ee.attestation;

import dev.chainloop.ee.platform.persistence.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** A digest an attestation names (subject or material), indexed for discovery. */
@Entity
@Table(
    name = "attestation_references",
    indexes = @Index(name = "ix_attref_org_digest", columnList = "organization_id,digest"))
public class AttestationReference {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "organization_id", nullable = false, length = 36)
  private String organizationId;

  @Column(name = "attestation_digest", nullable = false, length = 71)
  private String attestationDigest;

  @Column(name = "run_id", nullable = false, length = 36)
  private String runId;

  @Column(nullable = false, length = 71)
  private String digest;

  @Column(length = 255)
  private String name;

  /** SUBJECT, or the material type (ARTIFACT, SBOM_CYCLONEDX_JSON, ...). */
  @Column(nullable = false, length = 40)
  private String kind;

  protected AttestationReference() {}

  AttestationReference(
      String organizationId,
      String attestationDigest,
      String runId,
      String digest,
      String name,
      String kind) {
    this.id = Ids.newId();
    this.organizationId = organizationId;
    this.attestationDigest = attestationDigest;
    this.runId = runId;
    this.digest = digest;
    this.name = name == null || name.length() <= 255 ? name : name.substring(0, 255);
    this.kind = kind;
  }

  public String getAttestationDigest() {
    return attestationDigest;
  }

  public String getRunId() {
    return runId;
  }

  public String getDigest() {
    return digest;
  }

  public String getName() {
    return name;
  }

  public String getKind() {
    return kind;
  }
}
