package dev.chainloop.ee.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The last link of one audit chain (one per organization, plus {@link #SYSTEM} for events outside
 * any organization). Appending locks this row, so appends to one chain are serialized across
 * requests and nodes; it also tells verification where the chain must end, so deleting the newest
 * events is caught.
 */
@Entity
@Table(name = "audit_chain_heads")
public class AuditChainHead {
  /** The chain of events that belong to no organization (e.g. failed logins). */
  static final String SYSTEM = "system";

  @Id
  @Column(name = "chain_key", length = 36)
  private String chainKey;

  @Column(name = "last_position", nullable = false)
  private long lastPosition;

  @Column(name = "last_hash", nullable = false, length = 64)
  private String lastHash;

  protected AuditChainHead() {}

  AuditChainHead(String chainKey) {
    this.chainKey = chainKey;
    this.lastPosition = 0;
    this.lastHash = AuditChain.GENESIS;
  }

  static String keyOf(String organizationId) {
    return organizationId == null ? SYSTEM : organizationId;
  }

  long lastPosition() {
    return lastPosition;
  }

  String lastHash() {
    return lastHash;
  }

  /** Links {@code event} after the current last one and makes it the last. */
  void append(AuditEvent event) {
    event.link(lastPosition + 1, lastHash);
    lastPosition = event.getChainPosition();
    lastHash = event.getHash();
  }
}
