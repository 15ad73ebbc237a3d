package dev.chainloop.ee.contract;

import dev.chainloop.ee.contract.ContractService.ApplyResult;
import dev.chainloop.ee.contract.ContractService.ContractDetails;
import dev.chainloop.ee.contract.ContractService.ContractSummary;
import dev.chainloop.ee.platform.security.TokenKind.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
@Path("workflow-contracts")
@Tag(name = "workflow-contracts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.USER, Roles.API_TOKEN})
public class ContractResource {
  @Inject ContractService contracts;

  public record CreateContractRequest(
      @Schema(description = "Contract name; defaults to the body's metadata.name") @Size(max = 63)
          String name,
      @Size(max = 1000) String description,
      @Schema(description = "Project name: scopes the contract to that project") String project,
      @Schema(description = "The contract, YAML or JSON, schema v2 or legacy v1") String body) {}

  public record UpdateContractRequest(
      @Size(max = 1000) String description,
      @Schema(description = "New body; a revision is added only if it differs") String body) {}

  public record ApplyContractRequest(@NotBlank String body, String project) {}

  public record RevisionResponse(int revision, Instant createdAt, String format, String rawBody) {}

  @JsonbPropertyOrder({
    "id",
    "name",
    "description",
    "project",
    "latestRevision",
    "createdAt",
    "updatedAt",
    "workflowsCount",
    "workflows",
    "revision"
  })
  public record ContractResponse(
      String id,
      String name,
      String description,
      @Schema(description = "Project the contract is scoped to; null for organization-wide")
          String project,
      int latestRevision,
      Instant createdAt,
      Instant updatedAt,
      long workflowsCount,
      @Schema(description = "Workflows using the contract, as project/name") List<String> workflows,
      RevisionResponse revision) {
    static ContractResponse of(ContractDetails d) {
      ContractVersion v = d.version();
      return of(
          d.contract(),
          d.workflows().size(),
          d.workflows(),
          new RevisionResponse(v.getRevision(), v.getCreatedAt(), v.getFormat(), v.getRawBody()));
    }

    static ContractResponse of(ContractSummary s) {
      return of(s.contract(), s.workflowsCount(), null, null);
    }

    private static ContractResponse of(
        WorkflowContract c,
        long workflowsCount,
        List<String> workflows,
        RevisionResponse revision) {
      return new ContractResponse(
          c.getId(),
          c.getName(),
          c.getDescription(),
          c.getProjectName(),
          c.getLatestRevision(),
          c.getCreatedAt(),
          c.getUpdatedAt(),
          workflowsCount,
          workflows,
          revision);
    }
  }

  public record ContractList(List<ContractResponse> items) {}

  public record ApplyResponse(
      @Schema(enumeration = {"CREATED", "UPDATED", "UNCHANGED"}) String status,
      ContractResponse contract) {}

  @POST
  @Operation(operationId = "createContract", summary = "Create a workflow contract (revision 1)")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = ContractResponse.class)))
  public Response create(@Valid @NotNull CreateContractRequest request) {
    ContractDetails created =
        contracts.create(request.name(), request.description(), request.project(), request.body());
    return Response.status(201).entity(ContractResponse.of(created)).build();
  }

  @GET
  @Operation(operationId = "listContracts", summary = "List the organization's workflow contracts")
  public ContractList list(
      @QueryParam("limit") @Parameter(description = "At most this many (1-100, default 100)")
          Integer limit) {
    return new ContractList(contracts.list(limit).stream().map(ContractResponse::of).toList());
  }

  @GET
  @Path("{name}")
  @Operation(
      operationId = "describeContract",
      summary = "A contract with one revision (revision absent or 0 = latest)")
  public ContractResponse describe(
      @PathParam("name") String name, @QueryParam("revision") Integer revision) {
    return ContractResponse.of(contracts.describe(name, revision == null ? 0 : revision));
  }

  @PATCH
  @Path("{name}")
  @Operation(
      operationId = "updateContract",
      summary = "Update a contract; a changed body becomes a new revision")
  public ContractResponse update(
      @PathParam("name") String name, @Valid @NotNull UpdateContractRequest request) {
    return ContractResponse.of(contracts.update(name, request.description(), request.body()));
  }

  @DELETE
  @Path("{name}")
  @Operation(
      operationId = "deleteContract",
      summary = "Delete a contract; refused while workflows use it")
  public void delete(@PathParam("name") String name) {
    contracts.delete(name);
  }

  @POST
  @Path("apply")
  @Operation(
      operationId = "applyContract",
      summary = "Create or update the contract named by the body's metadata.name")
  public ApplyResponse apply(@Valid @NotNull ApplyContractRequest request) {
    ApplyResult result = contracts.apply(request.body(), request.project());
    return new ApplyResponse(result.status().name(), ContractResponse.of(result.contract()));
  }
}
