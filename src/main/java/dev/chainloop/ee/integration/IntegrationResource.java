package dev.chainloop.ee.integration;

import dev.chainloop.ee.integration.IntegrationService.Attached;
import dev.chainloop.ee.integration.IntegrationService.Registered;
import dev.chainloop.ee.platform.security.TokenKind.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Integrations, upstream's model: kinds available in this control plane, registrations of a kind in
 * the organization (with options; secrets are write-only), attachments of a registration to a
 * workflow, and the log of deliveries.
 */
@ApplicationScoped
@Path("integrations")
@Tag(name = "integrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.USER, Roles.API_TOKEN})
public class IntegrationResource {
  @Inject IntegrationService integrations;

  @JsonbPropertyOrder({
    "name",
    "version",
    "description",
    "subscribedInputs",
    "registrationSchema",
    "attachmentSchema"
  })
  public record AvailableIntegration(
      String name,
      String version,
      String description,
      @Schema(description = "Material kinds it acts on; empty: every attestation")
          List<String> subscribedInputs,
      @Schema(type = SchemaType.OBJECT, description = "JSON Schema of the registration options")
          JsonObject registrationSchema,
      @Schema(type = SchemaType.OBJECT, description = "JSON Schema of the attachment options")
          JsonObject attachmentSchema) {
    static AvailableIntegration of(IntegrationKind k) {
      return new AvailableIntegration(
          k.wire(),
          IntegrationKind.VERSION,
          k.description(),
          k.subscribedInputs(),
          IntegrationKind.schema(k.registration()),
          IntegrationKind.schema(k.attachment()));
    }
  }

  public record AvailableIntegrationList(List<AvailableIntegration> items) {}

  public record RegisterIntegrationRequest(
      @Schema(description = "The kind, from the available integrations, e.g. webhook") String kind,
      @Schema(description = "Unique name in the organization (DNS-1123)") String name,
      String description,
      @Schema(description = "Registration options (--opt key=value)")
          Map<String, String> options) {}

  public record UpdateIntegrationRequest(
      @Schema(description = "A new description; absent keeps the current one") String description,
      @Schema(description = "Options to set; the others keep their values")
          Map<String, String> options) {}

  @JsonbPropertyOrder({
    "id",
    "name",
    "kind",
    "description",
    "config",
    "secretOptions",
    "createdAt",
    "updatedAt"
  })
  public record RegisteredIntegrationResponse(
      String id,
      String name,
      String kind,
      String description,
      @Schema(description = "The options that are not secret") Map<String, String> config,
      @Schema(description = "Names of the secret options set; their values are never returned")
          List<String> secretOptions,
      Instant createdAt,
      Instant updatedAt) {
    static RegisteredIntegrationResponse of(Registered r) {
      RegisteredIntegration i = r.integration();
      return new RegisteredIntegrationResponse(
          i.getId(),
          i.getName(),
          i.getKind().wire(),
          i.getDescription(),
          r.config(),
          r.secretOptions(),
          i.getCreatedAt(),
          i.getUpdatedAt());
    }
  }

  public record RegisteredIntegrationList(List<RegisteredIntegrationResponse> items) {}

  public record AttachIntegrationRequest(
      @Schema(description = "Name of a registered integration") String integration,
      String workflow,
      String project,
      @Schema(description = "Attachment options (--opt key=value)") Map<String, String> options) {}

  @JsonbPropertyOrder({"id", "integration", "kind", "workflow", "project", "config", "createdAt"})
  public record AttachedIntegrationResponse(
      String id,
      String integration,
      String kind,
      String workflow,
      String project,
      Map<String, String> config,
      Instant createdAt) {
    static AttachedIntegrationResponse of(Attached a) {
      return new AttachedIntegrationResponse(
          a.attachment().getId(),
          a.integration().getName(),
          a.integration().getKind().wire(),
          a.attachment().getWorkflowName(),
          a.attachment().getProjectName(),
          a.config(),
          a.attachment().getCreatedAt());
    }
  }

  public record AttachedIntegrationList(List<AttachedIntegrationResponse> items) {}

  @JsonbPropertyOrder({
    "id",
    "integration",
    "kind",
    "workflow",
    "runId",
    "attestationDigest",
    "status",
    "attempts",
    "lastError",
    "nextAttemptAt",
    "createdAt",
    "deliveredAt"
  })
  public record DeliveryResponse(
      @Schema(description = "The delivery id, sent as X-Chainloop-Delivery on every attempt")
          String id,
      String integration,
      String kind,
      String workflow,
      String runId,
      String attestationDigest,
      @Schema(enumeration = {"PENDING", "DELIVERED", "FAILED"}) String status,
      int attempts,
      String lastError,
      Instant nextAttemptAt,
      Instant createdAt,
      Instant deliveredAt) {
    static DeliveryResponse of(IntegrationDelivery d) {
      return new DeliveryResponse(
          d.getId(),
          d.getIntegrationName(),
          d.getKind(),
          d.getWorkflowName(),
          d.getRunId(),
          d.getAttestationDigest(),
          d.getStatus().name(),
          d.getAttempts(),
          d.getLastError(),
          d.getStatus() == DeliveryStatus.PENDING ? d.getNextAttemptAt() : null,
          d.getCreatedAt(),
          d.getDeliveredAt());
    }
  }

  public record DeliveryList(List<DeliveryResponse> items) {}

  @GET
  @Path("available")
  @Operation(
      operationId = "listAvailableIntegrations",
      summary = "The integration kinds this control plane can send attestations to")
  public AvailableIntegrationList available(
      @QueryParam("limit") @Parameter(description = "At most this many (1-100, default 100)")
          Integer limit) {
    return new AvailableIntegrationList(
        integrations.available(limit).stream().map(AvailableIntegration::of).toList());
  }

  @GET
  @Path("available/{name}")
  @Operation(
      operationId = "describeAvailableIntegration",
      summary = "One integration kind with the JSON Schemas of its options")
  public AvailableIntegration availableKind(@PathParam("name") String name) {
    return AvailableIntegration.of(integrations.availableKind(name));
  }

  @GET
  @Path("registered")
  @Operation(
      operationId = "listRegisteredIntegrations",
      summary = "The integrations registered in the organization (never their secrets)")
  public RegisteredIntegrationList registered(
      @QueryParam("limit") @Parameter(description = "At most this many (1-100, default 100)")
          Integer limit) {
    return new RegisteredIntegrationList(
        integrations.registered(limit).stream().map(RegisteredIntegrationResponse::of).toList());
  }

  @POST
  @Path("registered")
  @Operation(
      operationId = "registerIntegration",
      summary = "Register an integration kind in the organization with its options")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = RegisteredIntegrationResponse.class)))
  public Response register(@Valid @NotNull RegisterIntegrationRequest request) {
    return Response.status(201)
        .entity(
            RegisteredIntegrationResponse.of(
                integrations.register(
                    request.kind(), request.name(), request.description(), request.options())))
        .build();
  }

  @GET
  @Path("registered/{name}")
  @Operation(operationId = "describeRegisteredIntegration", summary = "A registered integration")
  public RegisteredIntegrationResponse describe(@PathParam("name") String name) {
    return RegisteredIntegrationResponse.of(integrations.describe(name));
  }

  @PATCH
  @Path("registered/{name}")
  @Operation(
      operationId = "updateRegisteredIntegration",
      summary = "Change a registered integration's description or options")
  public RegisteredIntegrationResponse update(
      @PathParam("name") String name, @Valid @NotNull UpdateIntegrationRequest request) {
    return RegisteredIntegrationResponse.of(
        integrations.update(name, request.description(), request.options()));
  }

  @DELETE
  @Path("registered/{name}")
  @Operation(
      operationId = "deleteRegisteredIntegration",
      summary = "De-register an integration and detach it from every workflow")
  public void delete(@PathParam("name") String name) {
    integrations.delete(name);
  }

  @GET
  @Path("attached")
  @Operation(
      operationId = "listAttachedIntegrations",
      summary = "Integrations attached to workflows, of one workflow when given")
  public AttachedIntegrationList attached(
      @QueryParam("workflow") String workflow,
      @QueryParam("project") String project,
      @QueryParam("limit") @Parameter(description = "At most this many (1-100, default 100)")
          Integer limit) {
    return new AttachedIntegrationList(
        integrations.attached(workflow, project, limit).stream()
            .map(AttachedIntegrationResponse::of)
            .toList());
  }

  @POST
  @Path("attached")
  @Operation(
      operationId = "attachIntegration",
      summary = "Attach a registered integration to a workflow, with its attachment options")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = AttachedIntegrationResponse.class)))
  public Response attach(@Valid @NotNull AttachIntegrationRequest request) {
    return Response.status(201)
        .entity(
            AttachedIntegrationResponse.of(
                integrations.attach(
                    request.integration(),
                    request.workflow(),
                    request.project(),
                    request.options())))
        .build();
  }

  @DELETE
  @Path("attached/{id}")
  @Operation(operationId = "detachIntegration", summary = "Detach an integration from a workflow")
  public void detach(@PathParam("id") String id) {
    integrations.detach(id);
  }

  @GET
  @Path("deliveries")
  @Operation(
      operationId = "listIntegrationDeliveries",
      summary = "The newest deliveries of attestations to integrations, with their attempts")
  public DeliveryList deliveries(
      @QueryParam("status")
          @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"pending", "delivered", "failed"}))
          String status,
      @QueryParam("limit") @Parameter(description = "At most this many (1-100, default 50)")
          Integer limit) {
    return new DeliveryList(
        integrations.deliveries(status, limit).stream().map(DeliveryResponse::of).toList());
  }
}
