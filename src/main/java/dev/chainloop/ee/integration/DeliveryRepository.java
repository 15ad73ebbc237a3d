package dev.chainloop.ee.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The delivery outbox ({@link IntegrationDelivery}) and its leases. */
@ApplicationScoped
public class DeliveryRepository {
  @PersistenceContext(unitName = "chainloop")
  EntityManager em;

  void save(IntegrationDelivery delivery) {
    em.persist(delivery);
  }

  /** Ids of up to {@code max} deliveries due at {@code now} whose lease is free. */
  List<String> due(Instant now, int max) {
    return em.createNamedQuery("IntegrationDelivery.due", String.class)
        .setParameter("pending", DeliveryStatus.PENDING)
        .setParameter("now", now)
        .setMaxResults(max)
        .getResultList();
  }

  /**
   * Takes the lease of delivery {@code id} for {@code owner} until {@code until}, counting an
   * attempt, if it is still due and free: true for exactly one of several nodes trying at once.
   */
  boolean claim(String id, String owner, Instant now, Instant until) {
    return em.createNamedQuery("IntegrationDelivery.claim")
            .setParameter("owner", owner)
            .setParameter("until", until)
            .setParameter("id", id)
            .setParameter("pending", DeliveryStatus.PENDING)
            .setParameter("now", now)
            .executeUpdate()
        == 1;
  }

  Optional<IntegrationDelivery> find(String id) {
    return Optional.ofNullable(em.find(IntegrationDelivery.class, id));
  }

  List<IntegrationDelivery> list(String orgId, DeliveryStatus statusOrNull, int limit) {
    var query =
        statusOrNull == null
            ? em.createNamedQuery("IntegrationDelivery.ofOrg", IntegrationDelivery.class)
            : em.createNamedQuery("IntegrationDelivery.ofOrgWithStatus", IntegrationDelivery.class)
                .setParameter("status", statusOrNull);
    return query.setParameter("orgId", orgId).setMaxResults(limit).getResultList();
  }
}
