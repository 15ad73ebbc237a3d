package dev.chainloop.ee.status;

import dev.chainloop.ee.platform.security.AcceptsTokenProbe;
import dev.chainloop.ee.platform.security.TokenKind;
import dev.chainloop.ee.platform.security.TokenSelfCheck;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
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

  /**
   * Answers 204 to any verified token. The server probes itself here ({@link TokenSelfCheck}) to
   * prove that token verification is active; hidden from the API document.
   */
  @GET
  @Path("token-check")
  @RolesAllowed({TokenKind.Roles.USER, TokenKind.Roles.API_TOKEN, TokenKind.Roles.ROBOT_ACCOUNT})
  @AcceptsTokenProbe
  @Operation(hidden = true)
  public void tokenCheck() {}
}
