package dev.chainloop.ee.organization;

import dev.chainloop.ee.platform.config.Durations;
import dev.chainloop.ee.platform.security.TokenKind.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("organizations")
@Tag(name = "organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganizationResource {
  @Inject OrganizationService organizations;

  public record CreateOrganizationRequest(@NotNull @Size(max = 63) String name) {}

  public record UpdateOrganizationRequest(
      Integer apiTokenMaxDaysInactive,
      String apiTokenMaxLifetime,
      @Schema(
              description =
                  "Policy strategy: true = ENFORCED (any violation fails a push), false = ADVISORY"
                      + " (only gated policies do)")
          Boolean blockOnPolicyViolation,
      @Schema(
              description =
                  "Refuse new attestations (init and push) on project versions already released")
          Boolean blockAttestationsOnReleasedVersions) {}

  public record OrganizationResponse(
      String id,
      String name,
      Instant createdAt,
      Integer apiTokenMaxDaysInactive,
      String apiTokenMaxLifetime,
      @Schema(enumeration = {"ADVISORY", "ENFORCED"}) String policyStrategy,
      boolean blockAttestationsOnReleasedVersions) {
    static OrganizationResponse of(Organization o) {
      return new OrganizationResponse(
          o.getId(),
          o.getName(),
          o.getCreatedAt(),
          o.getApiTokenMaxDaysInactive(),
          o.getApiTokenMaxLifetime() == null ? null : Durations.format(o.getApiTokenMaxLifetime()),
          o.blocksOnPolicyViolation() ? "ENFORCED" : "ADVISORY",
          o.blocksAttestationsOnReleasedVersions());
    }
  }

  public record OrganizationRef(String id, String name) {}

  public record MembershipResponse(
      String id,
      OrganizationRef organization,
      String role,
      boolean current,
      @JsonbProperty("default") boolean isDefault,
      Instant joinedAt) {}

  public record MembershipList(List<MembershipResponse> items) {}

  @POST
  @RolesAllowed(Roles.USER)
  @Operation(
      operationId = "createOrganization",
      summary = "Create an organization owned by the caller")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = OrganizationResponse.class)))
  public Response create(@Valid @NotNull CreateOrganizationRequest request) {
    return Response.status(201)
        .entity(OrganizationResponse.of(organizations.create(request.name())))
        .build();
  }

  @GET
  @Path("current")
  @RolesAllowed({Roles.USER, Roles.API_TOKEN})
  @Operation(
      operationId = "getCurrentOrganization",
      summary = "The organization this request acts on")
  public OrganizationResponse current() {
    return OrganizationResponse.of(organizations.current());
  }

  @PATCH
  @Path("{name}")
  @RolesAllowed(Roles.USER)
  @Operation(operationId = "updateOrganization", summary = "Change an organization's settings")
  public OrganizationResponse update(
      @PathParam("name") String name, @Valid @NotNull UpdateOrganizationRequest request) {
    return OrganizationResponse.of(
        organizations.update(
            name,
            request.apiTokenMaxDaysInactive(),
            request.apiTokenMaxLifetime(),
            request.blockOnPolicyViolation(),
            request.blockAttestationsOnReleasedVersions()));
  }

  @DELETE
  @Path("{name}")
  @RolesAllowed(Roles.USER)
  @Operation(operationId = "deleteOrganization", summary = "Delete an organization (owners only)")
  public void delete(@PathParam("name") String name) {
    organizations.delete(name);
  }
}
