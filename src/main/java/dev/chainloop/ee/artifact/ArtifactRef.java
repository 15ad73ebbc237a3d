package dev.chainloop.ee.artifact;

import dev.chainloop.ee.platform.persistence.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An organization's claim on stored content: bytes are shared across organizations, but only an
 * organization that uploaded a digest may read it back.
 */
@Entity
@Table(name = "cas_refs")
@NamedQuery(
    name = "ArtifactRef.byOrgDigest",
    query = "SELECT r FROM ArtifactRef r WHERE r.orgDigest = :k")
@NamedQuery(
    name = "ArtifactRef.countByBackend",
    query = "SELECT COUNT(r) FROM ArtifactRef r WHERE r.backendId = :backendId")
@NamedQuery(
    name = "ArtifactRef.countByOrgDigest",
    query = "SELECT COUNT(r) FROM ArtifactRef r WHERE r.orgDigest = :k")
public class ArtifactRef {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "organization_id", nullable = false, length = 36)
  private String organizationId;

  @Column(nullable = false, length = 64)
  private String digest;

  @Column(name = "org_digest", nullable = false, unique = true, length = 110)
  private String orgDigest;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /**
   * The backend holding the bytes: a {@link CasBackend} id, {@code inline}, or null for the
   * deployment's built-in store (every ref made before per-organization backends existed).
   */
  @Column(name = "backend_id", length = 36)
  private String backendId;

  protected ArtifactRef() {}

  ArtifactRef(String organizationId, String hex, long size, String backendId, Instant now) {
    this.id = Ids.newId();
    this.organizationId = organizationId;
    this.digest = hex;
    this.orgDigest = key(organizationId, hex);
    this.size = size;
    this.createdAt = now;
    this.backendId = backendId;
  }

  static String key(String organizationId, String hex) {
    return organizationId + "/" + hex;
  }

  public long getSize() {
    return size;
  }

  String getBackendId() {
    return backendId;
  }
}
