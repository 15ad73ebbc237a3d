package dev.chainloop.ee.attestation;

import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.run.RunAttestations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.Optional;

/**
 * Gives run descriptions their attestation bundle. Verifying again checks the bundle against the
 * signing CA as of when it was stored, so a certificate that has since expired still verifies.
 */
@ApplicationScoped
public class StoredAttestations implements RunAttestations {
  @Inject AttestationRepository repository;
  @Inject SigstoreTrustedRoot trustedRoot;

  @Override
  public Optional<StoredAttestation> of(String runId, boolean verify) {
    return repository
        .ofRun(runId)
        .map(a -> new StoredAttestation(a.getDigest(), a.getBundle(), verify ? verify(a) : null));
  }

  private Verification verify(Attestation attestation) {
    try {
      String key = attestation.getSignerPublicKey();
      BundleVerifier.verify(
          attestation.getBundle(),
          trustedRoot.trust(),
          attestation.getCreatedAt(),
          key == null ? null : Base64.getDecoder().decode(key));
      return new Verification(true, null);
    } catch (InvalidInputException e) {
      return new Verification(false, e.getMessage());
    }
  }
}
