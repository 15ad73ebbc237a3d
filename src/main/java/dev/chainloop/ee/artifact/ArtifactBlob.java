package dev.chainloop.ee.artifact;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Artifact bytes for the database backend. Declared for the schema only: reads and writes go
 * through JDBC streams so that large blobs never sit in memory.
 */
@Entity
@Table(name = "cas_blobs")
public class ArtifactBlob {
  @Id
  @Column(length = 64)
  private String digest;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false, length = Integer.MAX_VALUE)
  private byte[] content;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected ArtifactBlob() {}
}
