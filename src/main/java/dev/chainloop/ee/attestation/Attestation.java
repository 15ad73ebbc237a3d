package dev.chainloop.ee.attestation;

import dev.chainloop.ee.platform.persistence.Ids;
import dev.chainloop.ee.run.WorkflowRun;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored Sigstore bundle, immutable; its digest is the SHA-256 of exactly these bytes. */
@Entity
@Table(name = "attestations")
@NamedQuery(name = "Attestation.ofRun", query = "SELECT a FROM Attestation a WHERE a.runId = :run")
@NamedQuery(
    name = "Attestation.countByOrgDigest",
    query = "SELECT COUNT(a) FROM Attestation a WHERE a.orgDigest = :k")
public class Attestation {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "organization_id", nullable = false, length = 36)
  private String organizationId;

  @Column(name = "run_id", nullable = false, unique = true, length = 36)
  private String runId;

  @Column(nullable = false, length = 71)
  private String digest;

  /** {@code <org>/<digest>}: one row per digest per organization. */
  @Column(name = "org_digest", nullable = false, unique = true, length = 110)
  private String orgDigest;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  // Derby sizes a bare @Lob at 64 kB: give bundles room (PostgreSQL bytea ignores it).
  @Column(nullable = false, updatable = false, length = 16 * 1024 * 1024)
  private byte[] bundle;

  /** Base64 DER SPKI of the key a key-signed bundle was checked with; null for keyless ones. */
  @Column(name = "signer_public_key", length = 2048)
  private String signerPublicKey;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Attestation() {}

  /** The bundle pushed for {@code run}; {@code digest} is that of exactly these bytes. */
  Attestation(WorkflowRun run, String digest, byte[] bundle, String signerPublicKey, Instant now) {
    this.id = Ids.newId();
    this.organizationId = run.getOrganizationId();
    this.runId = run.getId();
    this.digest = digest;
    this.orgDigest = orgDigest(organizationId, digest);
    this.bundle = bundle;
    this.signerPublicKey =
        signerPublicKey == null || signerPublicKey.isBlank() ? null : signerPublicKey.trim();
    this.createdAt = now;
  }

  /** {@code <org>/<digest>}, the unique key of an organization's attestation. */
  static String orgDigest(String organizationId, String digest) {
    return organizationId + "/" + digest;
  }

  public String getId() {
    return id;
  }

  public String getOrganizationId() {
    return organizationId;
  }

  /** The signer's key as given at push (base64 DER SPKI); null for keyless bundles. */
  public String getSignerPublicKey() {
    return signerPublicKey;
  }

  public String getRunId() {
    return runId;
  }

  public String getDigest() {
    return digest;
  }

  public byte[] getBundle() {
    return bundle;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
