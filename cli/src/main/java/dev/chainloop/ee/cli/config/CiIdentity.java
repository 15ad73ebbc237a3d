package dev.chainloop.ee.cli.config;

import dev.chainloop.ee.cli.framework.CliException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where a CI job's OIDC ID token comes from when no API token is given, as upstream's federated
 * flow detects it: GitHub Actions hands a request URL and bearer ({@code
 * ACTIONS_ID_TOKEN_REQUEST_URL}, {@code ACTIONS_ID_TOKEN_REQUEST_TOKEN}, present with {@code
 * permissions: id-token: write}); GitLab CI puts the token itself in a variable the job's {@code
 * id_tokens:} names, {@code CHAINLOOP_OIDC_TOKEN}. The CLI exchanges the token for a short-lived
 * API credential at the control plane when no API token is given.
 */
public sealed interface CiIdentity {
  String ENV_GITHUB_REQUEST_URL = "ACTIONS_ID_TOKEN_REQUEST_URL";
  String ENV_GITHUB_REQUEST_TOKEN = "ACTIONS_ID_TOKEN_REQUEST_TOKEN";
  String ENV_OIDC_TOKEN = "CHAINLOOP_OIDC_TOKEN";

  /** The audience the CLI asks GitHub for: {@code CHAINLOOP_OIDC_AUDIENCE}, else this. */
  String ENV_AUDIENCE = "CHAINLOOP_OIDC_AUDIENCE";

  String DEFAULT_AUDIENCE = "chainloop";

  /** The job's ID token for {@code audience} (which a given token already carries). */
  String idToken(String audience);

  /** GitHub Actions: the token is fetched from {@link #requestUri(String)} with this bearer. */
  record GitHubActions(String requestUrl, String bearer) implements CiIdentity {
    /** Asks the runner for the token, as GitHub's toolkit does: a bearer GET answering {value}. */
    @Override
    public String idToken(String audience) {
      HttpRequest request =
          HttpRequest.newBuilder(requestUri(audience))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "bearer " + bearer)
              .header("Accept", "application/json; api-version=2.0")
              .GET()
              .build();
      HttpResponse<String> response;
      try {
        response =
            HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new CliException("cannot fetch the GitHub Actions OIDC token: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException("interrupted while fetching the GitHub Actions OIDC token", e);
      }
      if (response.statusCode() != 200) {
        throw new CliException(
            "cannot fetch the GitHub Actions OIDC token: the runner answered "
                + response.statusCode()
                + " (does the job have \"permissions: id-token: write\"?)");
      }
      try (var reader = Json.createReader(new StringReader(response.body()))) {
        String value = reader.readObject().getString("value", "");
        if (value.isBlank()) {
          throw new CliException("the GitHub Actions OIDC token answer has no value");
        }
        return value;
      } catch (JsonException | ClassCastException e) {
        throw new CliException("the GitHub Actions OIDC token answer is not JSON", e);
      }
    }

    /** The request URL with the audience appended, as GitHub's toolkit does. */
    public URI requestUri(String audience) {
      String separator = requestUrl.contains("?") ? "&" : "?";
      return URI.create(
          requestUrl
              + separator
              + "audience="
              + URLEncoder.encode(audience, StandardCharsets.UTF_8));
    }
  }

  /** A token already in the environment (GitLab CI's {@code id_tokens:}). */
  record GivenToken(String token) implements CiIdentity {
    @Override
    public String idToken(String audience) {
      return token;
    }
  }

  /** The CI identity this environment offers, GitHub Actions first; empty outside CI. */
  static Optional<CiIdentity> detect(Map<String, String> env) {
    String url = nonBlank(env.get(ENV_GITHUB_REQUEST_URL));
    String bearer = nonBlank(env.get(ENV_GITHUB_REQUEST_TOKEN));
    if (url != null && bearer != null) {
      return Optional.of(new GitHubActions(url, bearer));
    }
    String token = nonBlank(env.get(ENV_OIDC_TOKEN));
    return token == null ? Optional.empty() : Optional.of(new GivenToken(token));
  }

  private static String nonBlank(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
