package dev.chainloop.ee.workflow;

import dev.chainloop.ee.platform.security.TokenKind.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("robot-accounts")
@Tag(name = "workflows")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.USER, Roles.API_TOKEN})
public class RobotAccountResource {
  @Inject WorkflowRobotAccountService robotAccounts;

  @DELETE
  @Path("{id}")
  @Operation(operationId = "revokeRobotAccount", summary = "Revoke a robot account (legacy)")
  public void revoke(@PathParam("id") String id) {
    robotAccounts.revoke(id);
  }
}
