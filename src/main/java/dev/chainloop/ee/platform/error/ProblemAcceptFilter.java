package dev.chainloop.ee.platform.error;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * A client that accepts only {@code application/problem+json} (generated clients do this for
 * operations whose only documented body is the error) also accepts plain JSON: without this, a
 * {@code DELETE} answering 204 would be refused with 406 before it runs.
 */
@Provider
@PreMatching
public class ProblemAcceptFilter implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext request) {
    String accept = request.getHeaderString(HttpHeaders.ACCEPT);
    if (accept != null
        && accept.contains(Problem.MEDIA_TYPE)
        && !accept.contains("application/json")) {
      request.getHeaders().putSingle(HttpHeaders.ACCEPT, accept + ", application/json");
    }
  }
}
