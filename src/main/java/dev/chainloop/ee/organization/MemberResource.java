package dev.chainloop.ee.organization;

import dev.chainloop.ee.platform.persistence.Page;
import dev.chainloop.ee.platform.persistence.PageRequest;
import dev.chainloop.ee.platform.security.TokenKind.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("members")
@Tag(name = "members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.USER, Roles.API_TOKEN})
public class MemberResource {
  @Inject MembershipService memberships;

  public record UserRef(String id, String email, String name) {}

  public record MemberResponse(String id, UserRef user, String role, Instant joinedAt) {
    static MemberResponse of(MembershipRepository.MemberRow r) {
      return new MemberResponse(
          r.membership().getId(),
          new UserRef(r.membership().getUserId(), r.email(), r.name()),
          r.membership().getRole().wire(),
          r.membership().getCreatedAt());
    }
  }

  public record UpdateMemberRequest(@NotBlank String role) {}

  @GET
  @Operation(operationId = "listMembers", summary = "Members of the current organization")
  public Page<MemberResponse> list(
      @QueryParam("email") String email,
      @QueryParam("role") String role,
      @QueryParam("page") Integer page,
      @QueryParam("limit") Integer limit) {
    return memberships
        .members(email, role, PageRequest.of(page, limit, 50))
        .map(MemberResponse::of);
  }

  @PATCH
  @Path("{id}")
  @Operation(operationId = "updateMember", summary = "Change a member's role")
  public MemberResponse update(
      @PathParam("id") String id, @Valid @NotNull UpdateMemberRequest request) {
    return MemberResponse.of(memberships.updateMember(id, request.role()));
  }

  @DELETE
  @Path("{id}")
  @Operation(operationId = "deleteMember", summary = "Remove a member from the organization")
  public void delete(@PathParam("id") String id) {
    memberships.removeMember(id);
  }
}
