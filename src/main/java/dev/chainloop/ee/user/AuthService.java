package dev.chainloop.ee.user;

import dev.chainloop.ee.audit.AuditEntry;
import dev.chainloop.ee.audit.AuditService;
import dev.chainloop.ee.organization.InvitationService;
import dev.chainloop.ee.platform.config.ChainloopConfig;
import dev.chainloop.ee.platform.config.Durations;
import dev.chainloop.ee.platform.config.SignupMode;
import dev.chainloop.ee.platform.error.AuthenticationException;
import dev.chainloop.ee.platform.error.ConflictException;
import dev.chainloop.ee.platform.error.ForbiddenOperationException;
import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.error.UnknownResourceException;
import dev.chainloop.ee.platform.persistence.Ids;
import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.TokenIssuer;
import dev.chainloop.ee.platform.security.TokenKind;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Sign-up, interactive login (24-hour user tokens by default) and logout. */
@Stateless
public class AuthService {
  private static final Logger LOG = Logger.getLogger(AuthService.class.getName());

  @Inject UserRepository users;
  @Inject UserSessionRepository sessions;
  @Inject PasswordHasher hasher;
  @Inject CredentialValidator credentials;
  @Inject LoginThrottle throttle;
  @Inject TokenIssuer issuer;
  @Inject ChainloopConfig config;
  @Inject InvitationService invitations;
  @Inject AuditService audit;
  @Inject Caller caller;

  private final Clock clock = Clock.systemUTC();

  public User signup(String email, String password, String name) {
    SignupMode mode = config.signupMode();
    if (mode == SignupMode.CLOSED) {
      throw new ForbiddenOperationException(
          "sign-up is closed on this server; ask an administrator");
    }
    if (mode == SignupMode.INVITE_ONLY && !invitations.hasPending(email)) {
      throw new ForbiddenOperationException(
          "sign-up on this server is by invitation only and there is no pending invitation for this email");
    }
    if (users.findByEmail(email).isPresent()) {
      throw new ConflictException("an account with this email already exists");
    }
    boolean first = users.count() == 0;
    User user =
        new User(
            email,
            name == null || name.isBlank() ? email : name.trim(),
            hasher.hash(password.toCharArray()),
            first,
            clock.instant());
    users.save(user);
    invitations.acceptPending(user.getId(), user.getEmail());
    return user;
  }

  public LoginResult login(String email, String password, String expiresIn, String clientAddress) {
    String emailKey = "email:" + User.normalize(email);
    String addressKey = "address:" + clientAddress;
    throttle.check(emailKey, addressKey);
    Optional<String> userId = credentials.validate(email, password.toCharArray());
    if (userId.isEmpty()) {
      try {
        throttle.failed(emailKey, addressKey);
      } catch (RuntimeException raced) {
        // Another node recorded this key's first failure at the same instant (LoginThrottle).
        LOG.log(Level.FINE, "a login failure was not counted", raced);
      }
      audit.recordSeparately(
          AuditEntry.of("auth.login.failed")
              .by(User.normalize(email))
              .on("user", null)
              .detail("from " + clientAddress));
      throw new AuthenticationException("invalid email or password");
    }
    throttle.succeeded(emailKey, addressKey);
    User user =
        users
            .findById(userId.get())
            .orElseThrow(() -> new AuthenticationException("invalid email or password"));
    return startSession(user, expiresIn);
  }

  /** A new session of {@code user} and its user token (password and SSO logins alike). */
  public LoginResult startSession(User user, String expiresIn) {
    Instant now = clock.instant();
    Instant expiresAt = now.plus(sessionLength(expiresIn));
    UserSession session = new UserSession(Ids.newId(), user.getId(), now, expiresAt);
    sessions.save(session);
    invitations.acceptPending(user.getId(), user.getEmail());
    String token =
        issuer.issue(
            TokenKind.USER,
            session.getId(),
            user.getId(),
            now,
            expiresAt,
            Map.of("email", user.getEmail()));
    return new LoginResult(token, expiresAt, user);
  }

  private Duration sessionLength(String expiresIn) {
    Duration max = config.userTokenTtl();
    if (expiresIn == null || expiresIn.isBlank()) {
      return max;
    }
    Duration requested;
    try {
      requested = Durations.parse(expiresIn);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("expiresIn", e.getMessage());
    }
    if (requested.isZero() || requested.compareTo(max) > 0) {
      throw new InvalidInputException(
          "expiresIn", "must be between 1s and " + Durations.format(max));
    }
    return requested;
  }

  public void logout() {
    String sessionId = caller.identity().credentialId();
    sessions
        .find(sessionId)
        .orElseThrow(() -> new UnknownResourceException("no such session"))
        .revoke(clock.instant());
  }

  /** What {@link #login} answers. */
  public record LoginResult(String token, Instant expiresAt, User user) {}
}
