package dev.chainloop.ee.user;

import dev.chainloop.ee.platform.security.TokenKind.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("context")
@Tag(name = "auth")
@Produces(MediaType.APPLICATION_JSON)
public class ContextResource {
  @Inject ContextService context;

  public record UserRef(String id, String email, String name) {}

  public record TokenRef(String id, String name, String kind, Instant expiresAt) {}

  public record OrganizationRef(String id, String name, String role) {}

  public record ContextResponse(UserRef user, TokenRef apiToken, OrganizationRef organization) {}

  @GET
  @RolesAllowed({Roles.USER, Roles.API_TOKEN, Roles.ROBOT_ACCOUNT})
  @Operation(
      operationId = "getContext",
      summary = "Who is calling and which organization the call acts on")
  public ContextResponse current() {
    return context.current();
  }
}
