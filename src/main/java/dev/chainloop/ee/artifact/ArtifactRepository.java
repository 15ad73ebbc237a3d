package dev.chainloop.ee.artifact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * Organizations' claims on stored content ({@link ArtifactRef} rows). The bytes themselves live in
 * an {@link ArtifactStore}.
 */
@ApplicationScoped
public class ArtifactRepository {
  @PersistenceContext(unitName = "chainloop")
  EntityManager em;

  Optional<ArtifactRef> find(String orgId, String hex) {
    return em.createNamedQuery("ArtifactRef.byOrgDigest", ArtifactRef.class)
        .setParameter("k", ArtifactRef.key(orgId, hex))
        .getResultStream()
        .findFirst();
  }

  boolean exists(String orgId, String hex) {
    return em.createNamedQuery("ArtifactRef.countByOrgDigest", Long.class)
            .setParameter("k", ArtifactRef.key(orgId, hex))
            .getSingleResult()
        > 0;
  }

  long countIn(String backendId) {
    return em.createNamedQuery("ArtifactRef.countByBackend", Long.class)
        .setParameter("backendId", backendId)
        .getSingleResult();
  }

  /** Inserts now, so that a unique-key race fails inside the caller's transaction. */
  void save(ArtifactRef ref) {
    em.persist(ref);
    em.flush();
  }
}
