package dev.chainloop.ee.policy;

import dev.chainloop.ee.platform.security.TokenKind.Roles;
import dev.chainloop.ee.policy.PolicyResource.ApplyPolicyRequest;
import dev.chainloop.ee.policy.PolicyResource.ApplyPolicyResponse;
import dev.chainloop.ee.policy.PolicyResource.PolicyList;
import dev.chainloop.ee.policy.PolicyResource.PolicyResponse;
import dev.chainloop.ee.policy.PolicyService.ApplyResult;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The organization's policy groups ({@code kind: PolicyGroup}), with the policies' wire shapes. */
@ApplicationScoped
@Path("policy-groups")
@Tag(name = "policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.USER, Roles.API_TOKEN})
public class PolicyGroupResource {
  @Inject PolicyService policies;

  @GET
  @Operation(operationId = "listPolicyGroups", summary = "The organization's policy groups")
  public PolicyList list(
      @QueryParam("limit") @Parameter(description = "At most this many (1-100, default 100)")
          Integer limit) {
    return new PolicyList(policies.listGroups(limit).stream().map(PolicyResponse::of).toList());
  }

  @GET
  @Path("{name}")
  @Operation(
      operationId = "describePolicyGroup",
      summary = "A policy group with one revision (revision absent or 0 = latest)")
  public PolicyResponse describe(
      @PathParam("name") String name, @QueryParam("revision") Integer revision) {
    return PolicyResponse.of(policies.describeGroup(name, revision == null ? 0 : revision));
  }

  @DELETE
  @Path("{name}")
  @Operation(operationId = "deletePolicyGroup", summary = "Delete a policy group")
  public void delete(@PathParam("name") String name) {
    policies.deleteGroup(name);
  }

  @POST
  @Path("apply")
  @Operation(
      operationId = "applyPolicyGroup",
      summary =
          "Create the policy group named by the document's metadata.name, or add a revision if it"
              + " differs")
  public ApplyPolicyResponse apply(@Valid @NotNull ApplyPolicyRequest request) {
    ApplyResult result = policies.applyGroup(request.body());
    return new ApplyPolicyResponse(result.status().name(), PolicyResponse.of(result.policy()));
  }
}
