package dev.chainloop.ee.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Accounts ({@link User} rows). */
@ApplicationScoped
public class UserRepository {
  @PersistenceContext(unitName = "chainloop")
  EntityManager em;

  Optional<User> findById(String id) {
    return Optional.ofNullable(em.find(User.class, id));
  }

  /** The account of {@code email}, whatever its case. */
  Optional<User> findByEmail(String email) {
    return em.createNamedQuery("User.byEmail", User.class)
        .setParameter("email", User.normalize(email))
        .getResultStream()
        .findFirst();
  }

  long count() {
    return em.createNamedQuery("User.count", Long.class).getSingleResult();
  }

  void save(User user) {
    em.persist(user);
  }
}
