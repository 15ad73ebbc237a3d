package dev.chainloop.ee.apitoken;

import dev.chainloop.ee.apitoken.ApiTokenService.CreateApiToken;
import dev.chainloop.ee.apitoken.ApiTokenService.IssuedToken;
import dev.chainloop.ee.platform.security.TokenKind.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("api-tokens")
@Tag(name = "api-tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.USER, Roles.API_TOKEN})
public class ApiTokenResource {
  @Inject ApiTokenService tokens;

  public record CreateApiTokenRequest(
      @NotNull @Size(max = 63) String name,
      @Size(max = 1000) String description,
      @Schema(description = "Lifetime such as 1h, 24h, 178h, 30d or 2w; empty or 0 for no expiry")
          String expiresIn,
      @Schema(description = "Project name: makes a project-scoped token") String project,
      @Schema(description = "resource:action pairs narrowing the default permissions")
          List<String> permissions) {}

  public record ProjectRef(String id, String name) {}

  @JsonbPropertyOrder({
    "id",
    "name",
    "description",
    "scope",
    "project",
    "permissions",
    "status",
    "createdAt",
    "expiresAt",
    "revokedAt",
    "lastUsedAt",
    "token"
  })
  public record ApiTokenResponse(
      String id,
      String name,
      String description,
      String scope,
      ProjectRef project,
      List<String> permissions,
      @Schema(enumeration = {"active", "expired", "revoked"}) String status,
      Instant createdAt,
      Instant expiresAt,
      Instant revokedAt,
      Instant lastUsedAt,
      @Schema(description = "The token itself: returned once, at creation") String token) {
    static ApiTokenResponse of(ApiToken t, String jwt) {
      return new ApiTokenResponse(
          t.getId(),
          t.getName(),
          t.getDescription(),
          t.scope().wire(),
          t.getProjectId() == null ? null : new ProjectRef(t.getProjectId(), t.getProjectName()),
          t.getPermissions().stream().map(p -> p.wire()).sorted().toList(),
          t.status(Clock.systemUTC().instant()).wire(),
          t.getCreatedAt(),
          t.getExpiresAt(),
          t.getRevokedAt(),
          t.getLastUsedAt(),
          jwt);
    }
  }

  public record ApiTokenList(
      List<ApiTokenResponse> items,
      @Schema(description = "Pass as next for the following page; absent on the last page")
          String nextCursor) {}

  @POST
  @Operation(
      operationId = "createApiToken",
      summary = "Create an API token; the response holds the token, shown once")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = ApiTokenResponse.class)))
  public Response create(@Valid @NotNull CreateApiTokenRequest request) {
    IssuedToken issued =
        tokens.create(
            new CreateApiToken(
                request.name(),
                request.description(),
                request.expiresIn(),
                request.project(),
                request.permissions()));
    return Response.status(201).entity(ApiTokenResponse.of(issued.token(), issued.jwt())).build();
  }

  @GET
  @Operation(
      operationId = "listApiTokens",
      summary =
          "List the organization's API tokens (never the tokens themselves), oldest first, with"
              + " cursor pagination (pass nextCursor as next)")
  public ApiTokenList list(
      @QueryParam("status")
          @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"active", "expired", "revoked", "all"}))
          String status,
      @QueryParam("project") String project,
      @QueryParam("scope")
          @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"project", "global"}))
          String scope,
      @QueryParam("limit")
          @Parameter(description = "At most this many tokens a page (1-100, default 100)")
          Integer limit,
      @QueryParam("next") @Parameter(description = "The previous page's nextCursor") String next) {
    ApiTokenService.TokenPage page = tokens.list(status, project, scope, limit, next);
    return new ApiTokenList(
        page.items().stream().map(t -> ApiTokenResponse.of(t, null)).toList(), page.nextCursor());
  }

  @GET
  @Path("self")
  @RolesAllowed({Roles.API_TOKEN, Roles.ROBOT_ACCOUNT})
  @Operation(
      operationId = "getCallingApiToken",
      summary = "Describe the API token or robot account making this call")
  public ApiTokenResponse self() {
    return ApiTokenResponse.of(tokens.self(), null);
  }

  @DELETE
  @Path("{id}")
  @Operation(
      operationId = "revokeApiToken",
      summary = "Revoke an API token; it is refused from the next request on")
  public void revoke(@PathParam("id") String id) {
    tokens.revoke(id);
  }
}
