package dev.chainloop.ee.user;

import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.Caller.Identity;
import dev.chainloop.ee.platform.security.Role;
import dev.chainloop.ee.user.ContextResource.ContextResponse;
import dev.chainloop.ee.user.ContextResource.OrganizationRef;
import dev.chainloop.ee.user.ContextResource.TokenRef;
import dev.chainloop.ee.user.ContextResource.UserRef;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Describes the caller of the current request (for {@code chainloop org describe}). */
@Stateless
public class ContextService {
  @Inject Caller caller;
  @Inject SessionService sessions;
  @Inject JsonWebToken jwt;

  public ContextResponse current() {
    Identity id = caller.identity();
    UserRef user =
        id instanceof Identity.User login
            ? sessions
                .find(login.userId())
                .map(u -> new UserRef(u.getId(), u.getEmail(), u.getName()))
                .orElse(null)
            : null;
    TokenRef token =
        id instanceof Identity.User
            ? null
            : new TokenRef(
                id.credentialId(),
                id.displayName(),
                id.kind().group(),
                jwt.getExpirationTime() <= 0
                    ? null
                    : Instant.ofEpochSecond(jwt.getExpirationTime()));
    OrganizationRef org =
        id.organization()
            .map(o -> new OrganizationRef(o.id(), o.name(), id.role().map(Role::wire).orElse(null)))
            .orElse(null);
    return new ContextResponse(user, token, org);
  }
}
