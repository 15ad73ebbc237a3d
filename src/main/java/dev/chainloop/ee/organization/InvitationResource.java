package dev.chainloop.ee.organization;

import dev.chainloop.ee.platform.security.TokenKind.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("invitations")
@Tag(name = "members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.USER, Roles.API_TOKEN})
public class InvitationResource {
  @Inject InvitationService invitations;

  public record CreateInvitationRequest(@NotBlank @Email String receiver, String role) {}

  public record InvitationResponse(
      String id, String receiverEmail, String role, String status, Instant createdAt) {
    static InvitationResponse of(Invitation i) {
      return new InvitationResponse(
          i.getId(),
          i.getReceiverEmail(),
          i.getRole().wire(),
          i.getStatus().wire(),
          i.getCreatedAt());
    }
  }

  public record InvitationList(List<InvitationResponse> items) {}

  @POST
  @Operation(
      operationId = "createInvitation",
      summary = "Invite an email to the current organization")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = InvitationResponse.class)))
  public Response invite(@Valid @NotNull CreateInvitationRequest request) {
    return Response.status(201)
        .entity(InvitationResponse.of(invitations.create(request.receiver(), request.role())))
        .build();
  }

  @GET
  @Operation(
      operationId = "listInvitations",
      summary = "Invitations sent by the current organization")
  public InvitationList invitations(
      @QueryParam("limit") @Parameter(description = "At most this many (1-100, default 100)")
          Integer limit) {
    return new InvitationList(
        invitations.list(limit).stream().map(InvitationResponse::of).toList());
  }

  @DELETE
  @Path("{id}")
  @Operation(operationId = "revokeInvitation", summary = "Revoke a pending invitation")
  public void revokeInvitation(@PathParam("id") String id) {
    invitations.revoke(id);
  }
}
