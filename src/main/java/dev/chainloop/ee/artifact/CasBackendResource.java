package dev.chainloop.ee.artifact;

import dev.chainloop.ee.artifact.CasBackendService.Backend;
import dev.chainloop.ee.platform.security.TokenKind.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The organization's CAS backends, upstream's model: where uploads go (the default), where they go
 * while the default fails validation (the fallback), each with a size limit. Credentials are
 * write-only.
 */
@ApplicationScoped
@Path("cas-backends")
@Tag(name = "cas-backends")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.USER, Roles.API_TOKEN})
public class CasBackendResource {
  @Inject CasBackendService backends;

  public record CreateCasBackendRequest(
      @Schema(description = "Unique name in the organization (DNS-1123)") String name,
      @Schema(enumeration = {"OCI", "AWS-S3"}) String provider,
      @Schema(
              description =
                  "OCI: the repository, host[:port]/path; AWS-S3: the bucket, or endpoint/bucket"
                      + " for an S3-compatible store")
          String location,
      String description,
      @Schema(description = "Make it the organization's default") Boolean isDefault,
      @Schema(description = "Make it the organization's fallback") Boolean fallback,
      @Schema(description = "Largest blob accepted, in bytes") Long maxBytes,
      @Schema(
              description =
                  "OCI: username, password; AWS-S3: accessKeyID, secretAccessKey, region."
                      + " Never returned")
          Map<String, String> credentials) {}

  public record UpdateCasBackendRequest(
      @Schema(description = "A new description; absent keeps the current one") String description,
      Boolean isDefault,
      Boolean fallback,
      Long maxBytes,
      @Schema(description = "Credentials to replace; the others keep their values")
          Map<String, String> credentials) {}

  @JsonbPropertyOrder({
    "id",
    "name",
    "provider",
    "location",
    "description",
    "maxBytes",
    "isDefault",
    "fallback",
    "validationStatus",
    "validationError",
    "createdAt",
    "validatedAt"
  })
  public record CasBackendResponse(
      String id,
      String name,
      @Schema(enumeration = {"BUILTIN", "INLINE", "OCI", "AWS-S3"}) String provider,
      String location,
      String description,
      @Schema(description = "Largest blob accepted; absent: the deployment's limit only")
          Long maxBytes,
      boolean isDefault,
      boolean fallback,
      @Schema(enumeration = {"OK", "Invalid"}) String validationStatus,
      String validationError,
      Instant createdAt,
      Instant validatedAt) {
    static CasBackendResponse of(Backend b) {
      return new CasBackendResponse(
          b.id(),
          b.name(),
          b.kind().wire(),
          b.location(),
          b.description(),
          b.maxBytes(),
          b.isDefault(),
          b.fallback(),
          b.status().wire(),
          b.validationError(),
          b.createdAt(),
          b.validatedAt());
    }
  }

  public record CasBackendList(List<CasBackendResponse> items) {}

  @GET
  @Operation(
      operationId = "listCasBackends",
      summary = "The organization's CAS backends with their last validation (never credentials)")
  public CasBackendList list() {
    return new CasBackendList(backends.list().stream().map(CasBackendResponse::of).toList());
  }

  @POST
  @Operation(
      operationId = "addCasBackend",
      summary = "Add an OCI or S3 backend; refused with the reason if it cannot be used")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = CasBackendResponse.class)))
  public Response add(@Valid @NotNull CreateCasBackendRequest request) {
    return Response.status(201)
        .entity(
            CasBackendResponse.of(
                backends.add(
                    new CasBackendService.NewBackend(
                        request.name(),
                        request.provider(),
                        request.location(),
                        request.description(),
                        Boolean.TRUE.equals(request.isDefault()),
                        Boolean.TRUE.equals(request.fallback()),
                        request.maxBytes(),
                        request.credentials()))))
        .build();
  }

  @PATCH
  @Path("{name}")
  @Operation(
      operationId = "updateCasBackend",
      summary = "Change a backend's description, credentials, default or fallback flag, limit")
  public CasBackendResponse update(
      @PathParam("name") String name, @Valid @NotNull UpdateCasBackendRequest request) {
    return CasBackendResponse.of(
        backends.update(
            name,
            new CasBackendService.Changes(
                request.description(),
                request.isDefault(),
                request.fallback(),
                request.maxBytes(),
                request.credentials())));
  }

  @DELETE
  @Path("{name}")
  @Operation(operationId = "deleteCasBackend", summary = "Delete a backend that holds no artifacts")
  public void delete(@PathParam("name") String name) {
    backends.delete(name);
  }
}
