package dev.chainloop.ee.organization;

import dev.chainloop.ee.platform.security.TokenKind.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("memberships")
@Tag(name = "organizations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.USER)
public class MembershipResource {
  @Inject MembershipService memberships;

  @GET
  @RolesAllowed(Roles.USER)
  @Operation(operationId = "listMemberships", summary = "The caller's organizations")
  public OrganizationResource.MembershipList memberships(
      @QueryParam("limit") @Parameter(description = "At most this many (1-100, default 100)")
          Integer limit) {
    return new OrganizationResource.MembershipList(
        memberships.mine(limit).stream()
            .map(
                v ->
                    new OrganizationResource.MembershipResponse(
                        v.membership().getId(),
                        new OrganizationResource.OrganizationRef(
                            v.organization().getId(), v.organization().getName()),
                        v.membership().getRole().wire(),
                        v.current(),
                        v.membership().isDefault(),
                        v.membership().getCreatedAt()))
            .toList());
  }

  @PUT
  @Path("{id}/default")
  @RolesAllowed(Roles.USER)
  @Operation(
      operationId = "setDefaultMembership",
      summary = "Make this organization the caller's default")
  public void makeDefault(@PathParam("id") String id) {
    memberships.makeDefault(id);
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed(Roles.USER)
  @Operation(operationId = "leaveOrganization", summary = "Leave an organization")
  public void leave(@PathParam("id") String id) {
    memberships.leave(id);
  }
}
