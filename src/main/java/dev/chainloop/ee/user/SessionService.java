package dev.chainloop.ee.user;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/** Looks up the live session and account behind a user token (reads only: no transaction). */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SessionService {
  @Inject UserRepository users;
  @Inject UserSessionRepository sessions;

  /** The account of a session that exists, is not revoked and has not expired. */
  public Optional<User> activeUser(String sessionId, String userId, Instant now) {
    return sessions
        .find(sessionId)
        .filter(s -> s.getRevokedAt() == null && s.getUserId().equals(userId))
        .filter(s -> now.isBefore(s.getExpiresAt()))
        .flatMap(s -> users.findById(s.getUserId()));
  }

  public Optional<User> find(String userId) {
    return users.findById(userId);
  }
}
