package dev.chainloop.ee.discover;

import dev.chainloop.ee.platform.security.TokenKind.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("discover")
@Tag(name = "discover")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.USER, Roles.API_TOKEN})
public class DiscoverResource {
  @Inject DiscoverService discover;

  @GET
  @Path("{digest}")
  @Operation(
      operationId = "discoverDigest",
      summary =
          "What references a digest: its attestation and what that names, or the attestations"
              + " naming it; kind filters those, limit/next page them")
  public DiscoverService.Referrer discover(
      @PathParam("digest") String digest,
      @QueryParam("kind") String kind,
      @QueryParam("limit") Integer limit,
      @QueryParam("next") String next) {
    return discover.discover(digest, kind, limit, next);
  }
}
