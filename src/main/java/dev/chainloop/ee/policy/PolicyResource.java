package dev.chainloop.ee.policy;

import dev.chainloop.ee.platform.security.TokenKind.Roles;
import dev.chainloop.ee.policy.PolicyService.ApplyResult;
import dev.chainloop.ee.policy.PolicyService.PolicyDetails;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
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
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The organization's policies and the built-in library. */
@ApplicationScoped
@Path("policies")
@Tag(name = "policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.USER, Roles.API_TOKEN})
public class PolicyResource {
  @Inject PolicyService policies;

  public record ApplyPolicyRequest(
      @Schema(
              description =
                  "A kind: Policy document (YAML or JSON) with CEL rules, or a kind: PolicyGroup")
          @NotBlank
          String body) {}

  @JsonbPropertyOrder({
    "name",
    "description",
    "builtin",
    "revision",
    "latestRevision",
    "createdAt",
    "updatedAt",
    "body"
  })
  public record PolicyResponse(
      String name,
      String description,
      @Schema(description = "Part of the server's library, usable by every organization")
          boolean builtin,
      int revision,
      int latestRevision,
      Instant createdAt,
      Instant updatedAt,
      @Schema(description = "The document at this revision; absent in listings") String body) {
    static PolicyResponse of(PolicyDetails d) {
      return new PolicyResponse(
          d.name(),
          d.description(),
          d.builtin(),
          d.revision(),
          d.latestRevision(),
          d.createdAt(),
          d.updatedAt(),
          d.body());
    }
  }

  public record PolicyList(List<PolicyResponse> items) {}

  public record ApplyPolicyResponse(
      @Schema(enumeration = {"CREATED", "UPDATED", "UNCHANGED"}) String status,
      PolicyResponse policy) {}

  @GET
  @Operation(
      operationId = "listPolicies",
      summary = "The organization's policies, then the built-in library")
  public PolicyList list(
      @QueryParam("limit") @Parameter(description = "At most this many (1-100, default 100)")
          Integer limit) {
    return new PolicyList(policies.list(limit).stream().map(PolicyResponse::of).toList());
  }

  @GET
  @Path("{name}")
  @Operation(
      operationId = "describePolicy",
      summary = "A policy with one revision (revision absent or 0 = latest)")
  public PolicyResponse describe(
      @PathParam("name") String name, @QueryParam("revision") Integer revision) {
    return PolicyResponse.of(policies.describe(name, revision == null ? 0 : revision));
  }

  @DELETE
  @Path("{name}")
  @Operation(operationId = "deletePolicy", summary = "Delete an organization's policy")
  public void delete(@PathParam("name") String name) {
    policies.delete(name);
  }

  @POST
  @Path("apply")
  @Operation(
      operationId = "applyPolicy",
      summary =
          "Create the policy named by the document's metadata.name, or add a revision if it differs")
  public ApplyPolicyResponse apply(@Valid @NotNull ApplyPolicyRequest request) {
    ApplyResult result = policies.apply(request.body());
    return new ApplyPolicyResponse(result.status().name(), PolicyResponse.of(result.policy()));
  }
}
