package dev.chainloop.ee.user;

import dev.chainloop.ee.user.AuthResource.LoginResponse;
import dev.chainloop.ee.user.AuthResource.UserResponse;
import dev.chainloop.ee.user.SsoService.DeviceStart;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Single sign-on through the company's OpenID Connect provider (device authorization grant). */
@ApplicationScoped
@Path("auth/sso")
@Tag(name = "auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SsoResource {
  @Inject SsoService sso;

  public record SsoDeviceStart(
      String deviceCode,
      String userCode,
      @Schema(description = "Where the person approves the login") String verificationUri,
      String verificationUriComplete,
      long expiresIn,
      @Schema(description = "Seconds between polls") long interval) {
    static SsoDeviceStart of(DeviceStart d) {
      return new SsoDeviceStart(
          d.deviceCode(),
          d.userCode(),
          d.verificationUri(),
          d.verificationUriComplete(),
          d.expiresIn(),
          d.interval());
    }
  }

  public record SsoDevicePoll(@NotBlank @Size(max = 4096) String deviceCode) {}

  public record SsoPending(String status) {}

  @POST
  @Path("device")
  @PermitAll
  @Operation(
      operationId = "startSsoDeviceLogin",
      summary = "Start a single sign-on at the identity provider (device authorization grant)")
  public SsoDeviceStart start() {
    return SsoDeviceStart.of(sso.startDevice());
  }

  @POST
  @Path("device/token")
  @PermitAll
  @Operation(
      operationId = "pollSsoDeviceLogin",
      summary =
          "Finish a single sign-on: 200 with a user token once approved at the provider, 202 while"
              + " pending")
  @APIResponse(
      responseCode = "200",
      description = "Logged in",
      content = @Content(schema = @Schema(implementation = LoginResponse.class)))
  @APIResponse(
      responseCode = "202",
      description = "Not approved yet: poll again after the interval",
      content = @Content(schema = @Schema(implementation = SsoPending.class)))
  public Response poll(@Valid @NotNull SsoDevicePoll request) {
    return sso.pollDevice(request.deviceCode())
        .map(
            r ->
                Response.ok(new LoginResponse(r.token(), r.expiresAt(), UserResponse.of(r.user())))
                    .build())
        .orElseGet(
            () -> Response.status(202).entity(new SsoPending("authorization_pending")).build());
  }
}
