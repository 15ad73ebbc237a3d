package dev.chainloop.ee.user;

import dev.chainloop.ee.platform.security.Caller;
import dev.chainloop.ee.platform.security.TokenKind;
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
    Caller.Identity id = caller.identity();
    UserRef user =
        id.kind() == TokenKind.USER
            ? sessions
                .find(id.userId())
                .map(u -> new UserRef(u.getId(), u.getEmail(), u.getName()))
                .orElse(null)
            : null;
    TokenRef token =
        id.kind() == TokenKind.USER
            ? null
            : new TokenRef(
                id.credentialId(),
                id.displayName(),
                id.kind().group(),
                jwt.getExpirationTime() <= 0
                    ? null
                    : Instant.ofEpochSecond(jwt.getExpirationTime()));
    OrganizationRef org =
        id.organizationId() == null
            ? null
            : new OrganizationRef(
                id.organizationId(),
                id.organizationName(),
                id.role() == null ? null : id.role().wire());
    return new ContextResponse(user, token, org);
  }
}
