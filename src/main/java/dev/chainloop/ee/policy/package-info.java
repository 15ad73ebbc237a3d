/**
 * Policies: documents in Chainloop's {@code kind: Policy} shape whose rules are CEL programs (Rego
 * is refused, OPA cannot run here), the bounded engine that compiles and evaluates them on a
 * material's parsed content or on an attestation's statement, and the built-in library.
 *
 * <p>The engine itself ({@code PolicyDocument}, {@code PolicyEngine}, {@code PolicyInputs}, {@code
 * MaterialContent}) lives in {@code src/policy-engine/java}, compiled into the server and into the
 * CLI ({@code policy develop eval}), so that a policy author's local result is the server's: it
 * uses the JDK, CEL and snakeyaml only. Its refusals ({@code InvalidPolicyException}) become the
 * API's 400 through {@link dev.chainloop.ee.policy.PolicyRefusals}.
 *
 * <p>Owns the {@code policies} and {@code policy_versions} tables. May call platform and the audit
 * service.
 */
package dev.chainloop.ee.policy;
