package dev.chainloop.ee.artifact;

import dev.chainloop.ee.platform.security.TokenKind.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("artifacts")
@Tag(name = "artifacts")
@RolesAllowed({Roles.USER, Roles.API_TOKEN, Roles.ROBOT_ACCOUNT})
public class ArtifactResource {
  @Inject ArtifactService artifacts;

  public record Uploaded(String digest, long size) {}

  @PUT
  @Path("{digest}")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "uploadArtifact",
      summary =
          "Store the body under its sha256 digest (checked); 413 over chainloop.limits.artifact-bytes")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = Uploaded.class)))
  @APIResponse(
      responseCode = "200",
      description = "Already stored",
      content = @Content(schema = @Schema(implementation = Uploaded.class)))
  public Response upload(
      @PathParam("digest") String digest,
      @HeaderParam("Content-Length") Long contentLength,
      InputStream body) {
    ArtifactService.Stored stored = artifacts.upload(digest, contentLength, body);
    return Response.status(stored.created() ? 201 : 200)
        .entity(new Uploaded(stored.digest(), stored.size()))
        .build();
  }

  @GET
  @Path("{digest}")
  @Produces(MediaType.APPLICATION_OCTET_STREAM)
  @Operation(operationId = "downloadArtifact", summary = "The artifact's bytes, streamed")
  @APIResponse(
      responseCode = "200",
      description = "The bytes",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_OCTET_STREAM,
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response download(@PathParam("digest") String digest) {
    ArtifactService.Content content = artifacts.download(digest);
    StreamingOutput body =
        out -> {
          try (InputStream in = content.stream()) {
            in.transferTo(out);
          }
        };
    return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM)
        .header("Content-Length", content.size())
        .build();
  }

  @HEAD
  @Path("{digest}")
  @Operation(
      operationId = "artifactExists",
      summary = "200 with Content-Length if stored, else 404")
  public Response exists(@PathParam("digest") String digest) {
    return Response.ok().header("Content-Length", artifacts.size(digest)).build();
  }
}
