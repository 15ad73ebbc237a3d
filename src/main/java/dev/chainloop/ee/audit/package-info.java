/**
 * The audit log: who did what to which object of which organization. Every feature records its
 * security-relevant changes here, in its own transaction or (for rejections) in a separate one.
 *
 * <p>Owns the {@code audit_events} table. May call platform only.
 */
package dev.chainloop.ee.audit;
