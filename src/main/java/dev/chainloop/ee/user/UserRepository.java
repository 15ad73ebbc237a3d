package dev.chainloop.ee.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
public class UserRepository {
  @PersistenceContext(unitName = "chainloop")
  EntityManager em;

  public Optional<User> findById(String id) {
    return Optional.ofNullable(em.find(User.class, id));
  }

  public Optional<User> findByEmail(String email) {
    return em.createNamedQuery("User.byEmail", User.class)
        .setParameter("email", User.normalize(email))
        .getResultStream()
        .findFirst();
  }

  public long count() {
    return em.createNamedQuery("User.count", Long.class).getSingleResult();
  }

  void save(User user) {
    em.persist(user);
  }

  void save(UserSession session) {
    em.persist(session);
  }

  Optional<UserSession> findSession(String id) {
    return Optional.ofNullable(em.find(UserSession.class, id));
  }
}
