package dev.chainloop.ee.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** {@link RateBucket} rows. */
@ApplicationScoped
public class RateBucketRepository {
  @PersistenceContext(unitName = "chainloop")
  EntityManager em;

  Optional<RateBucket> find(String id) {
    return Optional.ofNullable(em.find(RateBucket.class, id));
  }

  /** The row, locked until the transaction ends (nodes settling the same bucket take turns). */
  Optional<RateBucket> lock(String id) {
    return Optional.ofNullable(em.find(RateBucket.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  void insert(RateBucket bucket) {
    em.persist(bucket);
    em.flush();
  }

  int deleteFullBefore(long nowMillis) {
    return em.createNamedQuery("RateBucket.deleteFullBefore")
        .setParameter("now", nowMillis)
        .executeUpdate();
  }
}
