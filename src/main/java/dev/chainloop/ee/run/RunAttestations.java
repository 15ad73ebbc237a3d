package dev.chainloop.ee.run;

import java.util.Optional;

/**
 * The attestation stored for a run. Owned here and implemented by the attestation feature, which
 * depends on runs: runs never call into attestations.
 */
public interface RunAttestations {
  /** The bundle pushed for {@code runId}, if any; re-verified when {@code verify} is set. */
  Optional<StoredAttestation> of(String runId, boolean verify);

  /** A stored bundle; {@code verification} is null unless it was asked for. */
  record StoredAttestation(String digest, byte[] bundle, Verification verification) {}

  /** The outcome of verifying a stored bundle again. */
  record Verification(boolean verified, String failureReason) {}
}
