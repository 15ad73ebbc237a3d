package dev.chainloop.ee.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Interactive logins ({@link UserSession} rows). */
@ApplicationScoped
public class UserSessionRepository {
  @PersistenceContext(unitName = "chainloop")
  EntityManager em;

  Optional<UserSession> find(String id) {
    return Optional.ofNullable(em.find(UserSession.class, id));
  }

  void save(UserSession session) {
    em.persist(session);
  }
}
