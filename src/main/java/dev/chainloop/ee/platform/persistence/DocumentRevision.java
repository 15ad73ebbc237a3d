package dev.chainloop.ee.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * One immutable revision of a {@link RevisedDocument}: the body exactly as the user sent it. The
 * subclass maps the column naming its document.
 */
@MappedSuperclass
public abstract class DocumentRevision {
  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false)
  private int revision;

  @Lob
  @Column(name = "raw_body", nullable = false)
  private String rawBody;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected DocumentRevision() {}

  protected DocumentRevision(int revision, String rawBody, Instant now) {
    this.id = Ids.newId();
    this.revision = revision;
    this.rawBody = rawBody;
    this.createdAt = now;
  }

  public String getId() {
    return id;
  }

  public int getRevision() {
    return revision;
  }

  public String getRawBody() {
    return rawBody;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
