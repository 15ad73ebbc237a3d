/**
 * Policies: documents in Chainloop's {@code kind: Policy} shape whose rules are CEL programs (Rego
 * is refused, OPA cannot run here), the bounded engine that compiles and evaluates them on a
 * material's parsed content or on an attestation's statement, and the built-in library.
 *
 * <p>Owns the {@code policies} and {@code policy_versions} tables. May call platform and the audit
 * service.
 */
package dev.chainloop.ee.policy;
