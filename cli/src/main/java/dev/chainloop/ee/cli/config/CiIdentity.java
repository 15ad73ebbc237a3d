package dev.chainloop.ee.cli.config;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Where a CI job's OIDC ID token comes from when no API token is given, as upstream's federated
 * flow detects it: GitHub Actions hands a request URL and bearer ({@code
 * ACTIONS_ID_TOKEN_REQUEST_URL}, {@code ACTIONS_ID_TOKEN_REQUEST_TOKEN}, present with {@code
 * permissions: id-token: write}); GitLab CI puts the token itself in a variable the job's {@code
 * id_tokens:} names, {@code CHAINLOOP_OIDC_TOKEN}. Fetching and exchanging the token are to come.
 */
public sealed interface CiIdentity {
  String ENV_GITHUB_REQUEST_URL = "ACTIONS_ID_TOKEN_REQUEST_URL";
  String ENV_GITHUB_REQUEST_TOKEN = "ACTIONS_ID_TOKEN_REQUEST_TOKEN";
  String ENV_OIDC_TOKEN = "CHAINLOOP_OIDC_TOKEN";

  /** GitHub Actions: the token is fetched from {@link #requestUri(String)} with this bearer. */
  record GitHubActions(String requestUrl, String bearer) implements CiIdentity {
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
  record GivenToken(String idToken) implements CiIdentity {}

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
