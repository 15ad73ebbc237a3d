package dev.chainloop.ee.federation;

import dev.chainloop.ee.federation.TokenExchangeService.Exchanged;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** RFC 8693 token exchange of a CI job's OIDC ID token (see {@link TokenExchangeService}). */
@ApplicationScoped
@Path("auth/token-exchange")
@Tag(name = "auth")
@Produces(MediaType.APPLICATION_JSON)
public class TokenExchangeResource {
  static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

  @Inject TokenExchangeService exchanges;

  /** RFC 8693 §2.2.1's successful response. */
  @JsonbPropertyOrder({"access_token", "issued_token_type", "token_type", "expires_in"})
  public record TokenExchangeResponse(
      @JsonbProperty("access_token") String accessToken,
      @JsonbProperty("issued_token_type") String issuedTokenType,
      @JsonbProperty("token_type") String tokenType,
      @JsonbProperty("expires_in") long expiresIn) {}

  @POST
  @PermitAll
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(
      operationId = "exchangeToken",
      summary =
          "Exchange a CI job's OIDC ID token, trusted by one of an organization's trusted identities,"
              + " for a short-lived API credential (RFC 8693)")
  @APIResponse(
      responseCode = "200",
      description = "Exchanged",
      content = @Content(schema = @Schema(implementation = TokenExchangeResponse.class)))
  public Response exchange(
      @FormParam("grant_type") String grantType,
      @FormParam("subject_token") String subjectToken,
      @FormParam("subject_token_type") String subjectTokenType,
      @HeaderParam("Chainloop-Organization") String organization) {
    Exchanged exchanged =
        exchanges.exchange(
            grantType,
            subjectToken,
            subjectTokenType,
            organization == null || organization.isBlank() ? null : organization.trim());
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return Response.ok(
            new TokenExchangeResponse(
                exchanged.issued().jwt(),
                ACCESS_TOKEN_TYPE,
                "Bearer",
                exchanged.life().toSeconds()))
        .cacheControl(noStore)
        .build();
  }
}
