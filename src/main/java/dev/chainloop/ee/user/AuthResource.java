package dev.chainloop.ee.user;

import dev.chainloop.ee.platform.security.TokenKind.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("auth")
@Tag(name = "auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {
  @Inject AuthService auth;
  @Context HttpServletRequest http;

  public record SignupRequest(
      @NotBlank @Email @Size(max = 320) String email,
      @NotNull @Size(min = 8, max = 200) String password,
      @Size(max = 200) String name) {}

  public record LoginRequest(
      @NotBlank @Size(max = 320) String email,
      @NotNull @Size(max = 200) String password,
      @Schema(
              description =
                  "Optional shorter session, e.g. 1h; never longer than the server's user token lifetime")
          String expiresIn) {}

  public record UserResponse(String id, String email, String name, Instant createdAt) {
    static UserResponse of(User u) {
      return new UserResponse(u.getId(), u.getEmail(), u.getName(), u.getCreatedAt());
    }
  }

  public record LoginResponse(String token, Instant expiresAt, UserResponse user) {}

  @POST
  @Path("signup")
  @PermitAll
  @Operation(operationId = "signup", summary = "Create an account")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = UserResponse.class)))
  public Response signup(@Valid @NotNull SignupRequest request) {
    User user = auth.signup(request.email(), request.password(), request.name());
    return Response.status(201).entity(UserResponse.of(user)).build();
  }

  @POST
  @Path("login")
  @PermitAll
  @Operation(operationId = "login", summary = "Log in and receive a user token")
  @APIResponse(
      responseCode = "200",
      description = "Logged in",
      content = @Content(schema = @Schema(implementation = LoginResponse.class)))
  public LoginResponse login(@Valid @NotNull LoginRequest request) {
    AuthService.LoginResult result =
        auth.login(request.email(), request.password(), request.expiresIn(), http.getRemoteAddr());
    return new LoginResponse(result.token(), result.expiresAt(), UserResponse.of(result.user()));
  }

  @POST
  @Path("logout")
  @RolesAllowed(Roles.USER)
  @Operation(operationId = "logout", summary = "Revoke the user token of this request")
  @APIResponse(responseCode = "204", description = "Logged out")
  public void logout() {
    auth.logout();
  }
}
