/**
 * The attestation lifecycle: init a run (resolving or creating its workflow), verify and store its
 * signed Sigstore bundle and the digests it names, cancel it, keep its remote crafting state; and
 * the small CA behind keyless signing.
 *
 * <p>Owns the {@code attestations} and {@code attestation_references} tables and the signing CA
 * key. May call platform and the services of workflow, contract, run, policy (the contract's
 * policies are evaluated at push), artifact (material contents), organization (its policy strategy)
 * and audit. Gives runs their bundle through {@link dev.chainloop.ee.run.RunAttestations}, so that
 * runs never call in here.
 */
package dev.chainloop.ee.attestation;
