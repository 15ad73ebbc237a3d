package dev.chainloop.ee.platform.security;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.Map;
import java.util.Objects;

/**
 * The CI job a federated credential was exchanged for, from its verified OIDC ID token: issuer and
 * subject, and (as GitHub Actions or GitLab CI name them) the repository, ref, workflow and run.
 * Carried by the exchanged credential and recorded on the runs it starts. Any part but the issuer
 * and subject may be null.
 */
public record CiIdentity(
    String issuer, String subject, String repository, String ref, String workflow, String runId) {
  private static final int MAX_PART = 512;

  public CiIdentity {
    issuer = bounded(Objects.requireNonNull(issuer, "issuer"));
    subject = bounded(Objects.requireNonNull(subject, "subject"));
    repository = bounded(repository);
    ref = bounded(ref);
    workflow = bounded(workflow);
    runId = bounded(runId);
  }

  /**
   * From a verified token's claims: GitHub's {@code repository}, {@code job_workflow_ref} (or
   * {@code workflow_ref}) and {@code run_id}, or GitLab's {@code project_path}, {@code
   * ci_config_ref_uri} and {@code pipeline_id}; {@code ref} on both.
   */
  public static CiIdentity fromClaims(String issuer, String subject, Map<String, ?> claims) {
    return new CiIdentity(
        issuer,
        subject,
        first(claims, "repository", "project_path"),
        first(claims, "ref"),
        first(claims, "job_workflow_ref", "workflow_ref", "ci_config_ref_uri", "workflow"),
        first(claims, "run_id", "pipeline_id"));
  }

  /** The stored form: a small JSON object without null members. */
  public String toJson() {
    JsonObjectBuilder json = Json.createObjectBuilder().add("iss", issuer).add("sub", subject);
    add(json, "repository", repository);
    add(json, "ref", ref);
    add(json, "workflow", workflow);
    add(json, "run_id", runId);
    return json.build().toString();
  }

  public static CiIdentity fromJson(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      JsonObject json = reader.readObject();
      return new CiIdentity(
          json.getString("iss"),
          json.getString("sub"),
          json.getString("repository", null),
          json.getString("ref", null),
          json.getString("workflow", null),
          json.getString("run_id", null));
    }
  }

  private static String first(Map<String, ?> claims, String... names) {
    for (String name : names) {
      Object value = claims.get(name);
      if (value instanceof JsonString js) {
        value = js.getString();
      }
      if (value instanceof String || value instanceof Number) {
        String text = value.toString();
        if (!text.isBlank()) {
          return text;
        }
      }
    }
    return null;
  }

  private static String bounded(String value) {
    return value == null || value.length() <= MAX_PART ? value : value.substring(0, MAX_PART);
  }

  private static void add(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }
}
