package dev.chainloop.ee.contract;

import dev.chainloop.ee.platform.persistence.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/** One immutable revision of a contract: the body exactly as the user sent it. */
@Entity
@Table(
    name = "workflow_contract_versions",
    uniqueConstraints = @UniqueConstraint(columnNames = {"contract_id", "revision"}))
@NamedQuery(
    name = "ContractVersion.byRevision",
    query =
        "SELECT v FROM ContractVersion v WHERE v.contractId = :contractId AND v.revision = :revision")
public class ContractVersion {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "contract_id", nullable = false, length = 36)
  private String contractId;

  @Column(nullable = false)
  private int revision;

  @Lob
  @Column(name = "raw_body", nullable = false)
  private String rawBody;

  @Column(name = "raw_body_format", nullable = false, length = 8)
  private String format;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected ContractVersion() {}

  ContractVersion(String contractId, int revision, String rawBody, String format, Instant now) {
    this.id = Ids.newId();
    this.contractId = contractId;
    this.revision = revision;
    this.rawBody = rawBody;
    this.format = format;
    this.createdAt = now;
  }

  public String getId() {
    return id;
  }

  public String getContractId() {
    return contractId;
  }

  public int getRevision() {
    return revision;
  }

  public String getRawBody() {
    return rawBody;
  }

  public String getFormat() {
    return format;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
