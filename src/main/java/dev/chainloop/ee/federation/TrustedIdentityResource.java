package dev.chainloop.ee.federation;

import dev.chainloop.ee.federation.TrustedIdentityService.CreateTrustedIdentity;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The organization's trusted CI identities (trust rules for OIDC ID tokens). */
@ApplicationScoped
@Path("trusted-identities")
@Tag(name = "trusted-identities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.USER)
public class TrustedIdentityResource {
  @Inject TrustedIdentityService rules;

  public record CreateTrustedIdentityRequest(
      @Schema(description = "The https issuer, e.g. https://token.actions.githubusercontent.com")
          @NotNull
          @Size(max = 1000)
          String issuer,
      @Schema(description = "The aud the ID token must carry") @NotNull @Size(max = 256)
          String audience,
      @Schema(
              description =
                  "claim=value conditions, all of which must hold; * matches within a path"
                      + " segment, ** across segments")
          @Size(max = 20)
          List<@Size(max = 600) String> conditions,
      @Schema(description = "Project name: credentials confined to that project") String project,
      @Schema(description = "Workflow name: credentials confined to that one workflow")
          String workflow,
      @Schema(description = "resource:action pairs narrowing the default permissions")
          List<String> permissions) {}

  @JsonbPropertyOrder({
    "id",
    "issuer",
    "audience",
    "conditions",
    "scope",
    "project",
    "workflow",
    "permissions",
    "createdAt",
    "createdBy"
  })
  public record TrustedIdentityResponse(
      String id,
      String issuer,
      String audience,
      List<String> conditions,
      @Schema(description = "global, project/<name> or workflow/<id>") String scope,
      String project,
      String workflow,
      List<String> permissions,
      Instant createdAt,
      String createdBy) {
    static TrustedIdentityResponse of(TrustedIdentity rule) {
      TrustTerms terms = rule.terms();
      var scope = rule.scope();
      return new TrustedIdentityResponse(
          rule.getId(),
          terms.issuer(),
          terms.audience(),
          terms.conditions().stream().map(ClaimCondition::wire).toList(),
          scope.wire(),
          scope.project().map(p -> p.name()).orElse(null),
          rule.getWorkflowName(),
          rule.getPermissions().stream().map(p -> p.wire()).sorted().toList(),
          rule.getCreatedAt(),
          rule.getCreatedBy());
    }
  }

  public record TrustedIdentityList(List<TrustedIdentityResponse> items) {}

  @POST
  @Operation(
      operationId = "createTrustedIdentity",
      summary = "Trust CI jobs whose OIDC ID tokens meet these terms (owners and admins)")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = TrustedIdentityResponse.class)))
  public Response create(@Valid @NotNull CreateTrustedIdentityRequest request) {
    TrustedIdentity rule =
        rules.create(
            new CreateTrustedIdentity(
                request.issuer(),
                request.audience(),
                request.conditions(),
                request.project(),
                request.workflow(),
                request.permissions()));
    return Response.status(201).entity(TrustedIdentityResponse.of(rule)).build();
  }

  @GET
  @Operation(operationId = "listTrustedIdentities", summary = "List the trusted identities")
  public TrustedIdentityList list() {
    return new TrustedIdentityList(rules.list().stream().map(TrustedIdentityResponse::of).toList());
  }

  @DELETE
  @Path("{id}")
  @Operation(
      operationId = "deleteTrustedIdentity",
      summary = "Delete a trusted identity and revoke every credential exchanged under it")
  public void delete(@PathParam("id") String id) {
    rules.delete(id);
  }
}
