package dev.chainloop.ee.contract;

import dev.chainloop.ee.platform.persistence.DocumentRevision;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
public class ContractVersion extends DocumentRevision {
  @Column(name = "contract_id", nullable = false, length = 36)
  private String contractId;

  @Column(name = "raw_body_format", nullable = false, length = 8)
  private String format;

  protected ContractVersion() {}

  ContractVersion(String contractId, int revision, String rawBody, String format, Instant now) {
    super(revision, rawBody, now);
    this.contractId = contractId;
    this.format = format;
  }

  public String getContractId() {
    return contractId;
  }

  public String getFormat() {
    return format;
  }
}
