package dev.chainloop.ee.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/** {@link LoginFailure} rows. */
@ApplicationScoped
public class LoginFailureRepository {
  @PersistenceContext(unitName = "chainloop")
  EntityManager em;

  Optional<LoginFailure> find(String id) {
    return Optional.ofNullable(em.find(LoginFailure.class, id));
  }

  Optional<LoginFailure> lock(String id) {
    return Optional.ofNullable(em.find(LoginFailure.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  void insert(LoginFailure failure) {
    em.persist(failure);
    em.flush();
  }

  void delete(String id) {
    find(id).ifPresent(em::remove);
  }

  int deleteIdleSince(Instant cutoff, Instant now) {
    return em.createNamedQuery("LoginFailure.deleteIdleSince")
        .setParameter("cutoff", cutoff)
        .setParameter("now", now)
        .executeUpdate();
  }
}
