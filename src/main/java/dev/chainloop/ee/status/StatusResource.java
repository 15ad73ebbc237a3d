package dev.chainloop.ee.status;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("status")
@Tag(name = "status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {
  @Inject StatusService status;
  @Context UriInfo uri;

  public record StatusResponse(String version, String loginURL, String signupMode) {}

  @GET
  @PermitAll
  @Operation(
      operationId = "getStatus",
      summary = "Server version and login URL (no authentication)")
  public StatusResponse get() {
    return status.status(uri.getBaseUri().toString());
  }
}
