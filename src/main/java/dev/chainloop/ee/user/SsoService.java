package dev.chainloop.ee.user;

import dev.chainloop.ee.audit.AuditEntry;
import dev.chainloop.ee.audit.AuditService;
import dev.chainloop.ee.federation.IdTokenVerifier;
import dev.chainloop.ee.federation.IdTokenVerifier.RejectedToken;
import dev.chainloop.ee.organization.MembershipService;
import dev.chainloop.ee.organization.OrganizationService;
import dev.chainloop.ee.platform.error.AuthenticationException;
import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.error.UnknownResourceException;
import dev.chainloop.ee.platform.security.Role;
import dev.chainloop.ee.user.AuthService.LoginResult;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Single sign-on for people through the company's OpenID Connect provider, with the device
 * authorization grant (RFC 8628), which works in a terminal without a browser on the same machine:
 * the server starts the flow at the provider and, once the person approved it there, verifies the
 * ID token the provider issued (as {@link IdTokenVerifier} checks CI tokens), creates or links the
 * account by its verified email, maps the provider's groups to organization roles ({@code
 * chainloop.sso.group-roles}) and opens a session as a password login does.
 */
@Stateless
public class SsoService {
  static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

  @Inject
  @ConfigProperty(name = "chainloop.sso.issuer")
  Optional<String> issuer;

  @Inject
  @ConfigProperty(name = "chainloop.sso.client-id", defaultValue = "chainloop-cli")
  String clientId;

  /** {@code group=organization:role}, comma-separated. */
  @Inject
  @ConfigProperty(name = "chainloop.sso.group-roles")
  Optional<String> groupRoles;

  @Inject IdTokenVerifier verifier;
  @Inject UserRepository users;
  @Inject PasswordHasher hasher;
  @Inject AuthService auth;
  @Inject OrganizationService organizations;
  @Inject MembershipService memberships;
  @Inject AuditService audit;

  private final Clock clock = Clock.systemUTC();

  /** What the person is shown, and the device code the client polls with. */
  public record DeviceStart(
      String deviceCode,
      String userCode,
      String verificationUri,
      String verificationUriComplete,
      long expiresIn,
      long interval) {}

  public DeviceStart startDevice() {
    String provider = provider();
    JsonObject answer =
        post(
            endpoint(provider, "device_authorization_endpoint"),
            Map.of("client_id", clientId, "scope", "openid email profile"));
    if (!answer.containsKey("device_code")) {
      throw new AuthenticationException(
          "the identity provider refused to start a login: " + answer.getString("error", "?"),
          "sso_refused");
    }
    return new DeviceStart(
        answer.getString("device_code"),
        answer.getString("user_code", ""),
        answer.getString("verification_uri", ""),
        answer.getString("verification_uri_complete", ""),
        answer.getJsonNumber("expires_in") == null
            ? 600
            : answer.getJsonNumber("expires_in").longValue(),
        answer.getJsonNumber("interval") == null
            ? 5
            : answer.getJsonNumber("interval").longValue());
  }

  /** The login once approved at the provider; empty while the person has not answered yet. */
  public Optional<LoginResult> pollDevice(String deviceCode) {
    if (deviceCode == null || deviceCode.isBlank() || deviceCode.length() > 4096) {
      throw new InvalidInputException("deviceCode", "is required");
    }
    String provider = provider();
    JsonObject answer =
        post(
            endpoint(provider, "token_endpoint"),
            Map.of("grant_type", DEVICE_GRANT, "device_code", deviceCode, "client_id", clientId));
    String error = answer.getString("error", null);
    if ("authorization_pending".equals(error) || "slow_down".equals(error)) {
      return Optional.empty();
    }
    if (error != null || !answer.containsKey("id_token")) {
      throw new AuthenticationException(
          "single sign-on refused: " + (error == null ? "no ID token" : error), "sso_refused");
    }
    Map<String, Object> claims;
    try {
      claims = verifier.verify(answer.getString("id_token"), provider, Set.of(clientId));
    } catch (RejectedToken e) {
      throw new AuthenticationException("single sign-on refused: " + e.getMessage(), "sso_refused");
    }
    if (!(claims.get("email") instanceof String email)
        || !Boolean.TRUE.equals(claims.get("email_verified"))) {
      throw new AuthenticationException(
          "single sign-on refused: the identity provider gave no verified email", "sso_refused");
    }
    User user = users.findByEmail(email).orElseGet(() -> create(email, claims));
    mapGroups(user, claims.get("groups"));
    return Optional.of(auth.startSession(user, null));
  }

  private User create(String email, Map<String, Object> claims) {
    byte[] unusable = new byte[32];
    new SecureRandom().nextBytes(unusable);
    // The account has no password anyone knows: it signs in through the provider only.
    char[] password = Base64.getEncoder().encodeToString(unusable).toCharArray();
    Object name = claims.get("name");
    User user =
        new User(
            email,
            name instanceof String n && !n.isBlank() ? n : email,
            hasher.hash(password),
            users.count() == 0,
            clock.instant());
    users.save(user);
    audit.record(
        AuditEntry.of("user.created_by_sso")
            .by(email)
            .on("user", user.getId())
            .detail("issuer=" + issuer.orElse("") + " sub=" + claims.get("sub")));
    return user;
  }

  /** Adds the person to the organizations their groups map to (an existing membership stays). */
  private void mapGroups(User user, Object groupsClaim) {
    if (!(groupsClaim instanceof List<?> groups) || groupRoles.isEmpty()) {
      return;
    }
    Set<String> held = groups.stream().map(String::valueOf).collect(Collectors.toSet());
    for (String mapping : groupRoles.get().split(",")) {
      String[] parts = mapping.trim().split("[=:]");
      if (parts.length != 3 || !held.contains(parts[0].trim())) {
        continue;
      }
      Optional<Role> role = Role.parse(parts[2].trim());
      organizations
          .findLiveByName(parts[1].trim())
          .ifPresent(
              org -> role.ifPresent(r -> memberships.addMember(org.getId(), user.getId(), r)));
    }
  }

  private String provider() {
    return issuer
        .filter(i -> !i.isBlank())
        .map(String::trim)
        .orElseThrow(
            () -> new UnknownResourceException("single sign-on is not configured on this server"));
  }

  private String endpoint(String provider, String name) {
    JsonObject discovery;
    try {
      discovery = verifier.discovery(provider);
    } catch (RejectedToken e) {
      throw new AuthenticationException(e.getMessage(), "sso_unreachable");
    }
    String url = discovery.getString(name, "");
    if (!url.startsWith("https://")) {
      throw new AuthenticationException(
          "the identity provider publishes no https " + name, "sso_unreachable");
    }
    return url;
  }

  private JsonObject post(String url, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> response =
          HttpClient.newBuilder()
              .sslContext(verifier.tls())
              .connectTimeout(Duration.ofSeconds(5))
              .build()
              .send(request, HttpResponse.BodyHandlers.ofString());
      try (var reader = Json.createReader(new StringReader(response.body()))) {
        return reader.readObject();
      }
    } catch (IOException | JsonException | ClassCastException e) {
      throw new AuthenticationException(
          "the identity provider cannot be reached: " + e.getMessage(), "sso_unreachable");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuthenticationException("interrupted", "sso_unreachable");
    }
  }
}
