package dev.chainloop.ee.platform.security;

import dev.chainloop.ee.platform.error.AuthenticationException;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Second half of authentication. MicroProfile JWT has already checked the signature, issuer,
 * audience and expiry; this filter checks the token against the database on every request (revoked,
 * deleted, organization gone, claims that do not match the row) and fills {@link Caller}. It also
 * enforces which token kinds an operation accepts ({@code @RolesAllowed}).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {
  public static final String ORGANIZATION_HEADER = "Chainloop-Organization";

  @Context ResourceInfo resourceInfo;
  @Inject Caller caller;
  @Inject CallerResolver resolver;
  @Inject RateLimiter rateLimiter;
  @Inject SecurityMetrics metrics;
  @Inject TokenSelfCheck selfCheck;
  @Inject SigningKeys keys;

  @Override
  public void filter(ContainerRequestContext request) {
    Principal principal = request.getSecurityContext().getUserPrincipal();
    Set<String> allowed = allowedKinds(resourceInfo.getResourceMethod());
    if (principal instanceof JsonWebToken jwt && selfCheck.isProbe(jwt)) {
      // The server's own probe: verified by MicroProfile JWT, it has no row and grants nothing.
      Method method = resourceInfo.getResourceMethod();
      if (method == null || !method.isAnnotationPresent(AcceptsTokenProbe.class)) {
        metrics.rejected("probe_elsewhere");
        throw new AuthenticationException("the token probe is accepted on its own operation only");
      }
      request.abortWith(Response.noContent().build());
      return;
    }
    if (principal instanceof JsonWebToken jwt) {
      if (!keys.verifies(VerifiedTokens.keyId(jwt))) {
        // Its key was retired: MicroProfile JWT may still hold the key it verified with.
        metrics.rejected("retired_key");
        throw new AuthenticationException(
            "this token was signed with a key that has been retired; log in or create a new token");
      }
      try {
        caller.set(resolver.resolve(jwt, request.getHeaderString(ORGANIZATION_HEADER)));
      } catch (AuthenticationException rejected) {
        metrics.rejected(rejected.reason());
        throw rejected;
      }
      rateLimiter.acquire(caller.identity().credentialId());
    } else if (allowed != null) {
      // MicroProfile JWT leaves a request anonymous when its token does not verify.
      metrics.rejected(
          request.getHeaderString("Authorization") == null ? "missing" : "invalid_jwt");
      throw new AuthenticationException(
          "authentication required: send a user or API token as \"Authorization: Bearer <token>\"");
    }
    if (allowed != null && !allowed.contains(caller.kind().group())) {
      metrics.rejected("wrong_kind");
      throw new AuthenticationException(
          "this operation does not accept a "
              + caller.kind().group().replace('-', ' ')
              + " credential; it needs: "
              + String.join(" or ", allowed.stream().sorted().toList()).replace('-', ' '));
    }
  }

  /** The token kinds the method accepts, or null if it is public. */
  private static Set<String> allowedKinds(Method method) {
    if (method == null || method.isAnnotationPresent(PermitAll.class)) {
      return null;
    }
    RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
    if (roles == null) {
      roles = method.getDeclaringClass().getAnnotation(RolesAllowed.class);
    }
    if (roles == null || method.getDeclaringClass().isAnnotationPresent(PermitAll.class)) {
      return null;
    }
    return Set.of(roles.value());
  }
}
