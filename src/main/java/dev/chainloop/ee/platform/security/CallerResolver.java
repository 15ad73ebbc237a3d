package dev.chainloop.ee.platform.security;

import dev.chainloop.ee.platform.error.AuthenticationException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns a cryptographically valid token into the request's {@link Caller.Identity}, or rejects it.
 * Implemented by the identity features (users and API tokens) that own the rows to check.
 */
public interface CallerResolver {
  /**
   * @param organizationHeader the organization a user asked for, or null for their default
   * @throws AuthenticationException if the token is not usable
   */
  Caller.Identity resolve(JsonWebToken token, String organizationHeader);
}
