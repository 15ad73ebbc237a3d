package dev.chainloop.ee.attestation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Stored attestations and the digests they name ({@link Attestation} and its references). */
@ApplicationScoped
public class AttestationRepository {
  @PersistenceContext(unitName = "chainloop")
  EntityManager em;

  void save(Attestation attestation) {
    em.persist(attestation);
  }

  void save(AttestationReference reference) {
    em.persist(reference);
  }

  Optional<Attestation> ofRun(String runId) {
    return em.createNamedQuery("Attestation.ofRun", Attestation.class)
        .setParameter("run", runId)
        .getResultStream()
        .findFirst();
  }

  boolean existsInOrganization(String orgId, String digest) {
    return em.createNamedQuery("Attestation.countByOrgDigest", Long.class)
            .setParameter("k", Attestation.orgDigest(orgId, digest))
            .getSingleResult()
        > 0;
  }

  /** The references of the organization's attestations to {@code digest}. */
  List<AttestationReference> referencesTo(String orgId, String digest) {
    return em.createNamedQuery("AttestationReference.toDigest", AttestationReference.class)
        .setParameter("org", orgId)
        .setParameter("d", digest)
        .getResultList();
  }

  /** What the organization's attestation {@code attestationDigest} names, by kind and name. */
  List<AttestationReference> referencesOf(String orgId, String attestationDigest) {
    return em.createNamedQuery("AttestationReference.ofAttestation", AttestationReference.class)
        .setParameter("org", orgId)
        .setParameter("d", attestationDigest)
        .getResultList();
  }
}
