/**
 * The audit log: who did what to which object of which organization. Every feature records its
 * security-relevant changes here, in its own transaction or (for rejections) in a separate one.
 * Each event is hash-chained to the previous one of its organization ({@link
 * dev.chainloop.ee.audit.AuditChain}), appends serialized by a locked head row; {@code
 * AuditService#verify} recomputes the chain.
 *
 * <p>Owns the {@code audit_events} and {@code audit_chain_heads} tables. May call platform only.
 */
package dev.chainloop.ee.audit;
