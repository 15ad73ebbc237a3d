package dev.chainloop.ee.attestation;

import dev.chainloop.ee.attestation.VerifiedStatement.Reference;
import dev.chainloop.ee.platform.persistence.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A digest an attestation names (subject or material), indexed for discovery. */
@Entity
@Table(
    name = "attestation_references",
    indexes = @Index(name = "ix_attref_org_digest", columnList = "organization_id,digest"))
@NamedQuery(
    name = "AttestationReference.toDigest",
    query = "SELECT r FROM AttestationReference r WHERE r.organizationId = :org AND r.digest = :d")
@NamedQuery(
    name = "AttestationReference.ofAttestation",
    query =
        "SELECT r FROM AttestationReference r WHERE r.organizationId = :org"
            + " AND r.attestationDigest = :d ORDER BY r.kind, r.name")
public class AttestationReference {
  static final String SUBJECT = "SUBJECT";

  /** The kind of a material whose type the statement does not name. */
  static final String MATERIAL = "MATERIAL";

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

  private AttestationReference(Attestation attestation, Reference reference, String kind) {
    this.id = Ids.newId();
    this.organizationId = attestation.getOrganizationId();
    this.attestationDigest = attestation.getDigest();
    this.runId = attestation.getRunId();
    this.digest = reference.digest();
    String name = reference.name();
    this.name = name == null || name.length() <= 255 ? name : name.substring(0, 255);
    this.kind = kind;
  }

  /** A subject of {@code attestation}: what it attests. */
  static AttestationReference subject(Attestation attestation, Reference subject) {
    return new AttestationReference(attestation, subject, SUBJECT);
  }

  /** A material of {@code attestation}, kind named by its material type. */
  static AttestationReference material(Attestation attestation, Reference material) {
    return new AttestationReference(
        attestation,
        material,
        material.materialType() == null ? MATERIAL : material.materialType());
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
