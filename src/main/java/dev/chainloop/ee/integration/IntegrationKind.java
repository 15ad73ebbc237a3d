package dev.chainloop.ee.integration;

import static dev.chainloop.ee.integration.IntegrationOption.Type.BOOLEAN;
import static dev.chainloop.ee.integration.IntegrationOption.Type.STRING;
import static dev.chainloop.ee.integration.IntegrationOption.Type.URL;

import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.error.UnknownResourceException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The integrations this control plane can fan attestations out to, with upstream's names: what each
 * takes when registered in an organization and when attached to a workflow, as JSON Schemas.
 */
public enum IntegrationKind {
  WEBHOOK(
      "webhook",
      "Send a JSON summary of each attestation to an HTTP endpoint, signed with HMAC-SHA256",
      List.of(),
      List.of(
          IntegrationOption.required("url", URL, "URL the attestation summaries are POSTed to"),
          IntegrationOption.secret(
              "secret",
              STRING,
              "shared secret of the X-Chainloop-Signature header (HMAC-SHA256 of the body)")),
      List.of()),
  SLACK(
      "slack-webhook",
      "Send attestations to a Slack channel through an incoming webhook",
      List.of(),
      List.of(IntegrationOption.secret("webhook", URL, "URL of the Slack incoming webhook")),
      List.of()),
  DISCORD(
      "discord-webhook",
      "Send attestations to a Discord channel through a webhook",
      List.of(),
      List.of(
          IntegrationOption.secret("webhook", URL, "URL of the Discord webhook"),
          IntegrationOption.optional(
              "username", STRING, "override the default username of the webhook", null)),
      List.of()),
  DEPENDENCY_TRACK(
      "dependency-track",
      "Send CycloneDX SBOMs to your Dependency-Track instance",
      List.of("SBOM_CYCLONEDX_JSON"),
      List.of(
          IntegrationOption.required(
              "instanceURI", URL, "the URL of the Dependency-Track instance"),
          IntegrationOption.secret("apiKey", STRING, "the API key to use for authentication"),
          IntegrationOption.optional(
              "allowAutoCreate", BOOLEAN, "support of creating projects on demand", "true")),
      List.of(
          IntegrationOption.optional(
              "projectName",
              STRING,
              "the project to send the SBOMs to (default: the workflow's project)",
              null),
          IntegrationOption.optional(
              "projectVersion",
              STRING,
              "the project version (default: the run's project version)",
              null)));

  /** Upstream's version of these plugins' contracts. */
  public static final String VERSION = "1.0";

  private final String wire;
  private final String description;
  private final List<String> subscribedInputs;
  private final List<IntegrationOption> registration;
  private final List<IntegrationOption> attachment;

  IntegrationKind(
      String wire,
      String description,
      List<String> subscribedInputs,
      List<IntegrationOption> registration,
      List<IntegrationOption> attachment) {
    this.wire = wire;
    this.description = description;
    this.subscribedInputs = subscribedInputs;
    this.registration = registration;
    this.attachment = attachment;
  }

  public String wire() {
    return wire;
  }

  public String description() {
    return description;
  }

  /** The material kinds it acts on; empty: every attestation. */
  public List<String> subscribedInputs() {
    return subscribedInputs;
  }

  public List<IntegrationOption> registration() {
    return registration;
  }

  public List<IntegrationOption> attachment() {
    return attachment;
  }

  public static Optional<IntegrationKind> parse(String wire) {
    return Arrays.stream(values()).filter(k -> k.wire.equals(wire)).findFirst();
  }

  static IntegrationKind get(String wire) {
    return parse(wire == null ? "" : wire.trim())
        .orElseThrow(
            () ->
                new UnknownResourceException(
                    "integration \""
                        + wire
                        + "\" is not available: see integration available list"));
  }

  /** The JSON Schema (draft 2020-12) of {@code options}. */
  static JsonObject schema(List<IntegrationOption> options) {
    JsonObjectBuilder properties = Json.createObjectBuilder();
    JsonArrayBuilder required = Json.createArrayBuilder();
    for (IntegrationOption o : options) {
      JsonObjectBuilder p =
          Json.createObjectBuilder().add("type", o.jsonType()).add("description", o.description());
      if (o.type() == URL) {
        p.add("format", "uri");
      }
      if (o.secret()) {
        p.add("format", o.type() == URL ? "uri" : "password").add("writeOnly", true);
      }
      if (o.fallback() != null) {
        if (o.type() == BOOLEAN) {
          p.add("default", Boolean.parseBoolean(o.fallback()));
        } else {
          p.add("default", o.fallback());
        }
      }
      properties.add(o.name(), p);
      if (o.required()) {
        required.add(o.name());
      }
    }
    return Json.createObjectBuilder()
        .add("$schema", "https://json-schema.org/draft/2020-12/schema")
        .add("type", "object")
        .add("properties", properties)
        .add("required", required)
        .add("additionalProperties", false)
        .build();
  }

  /**
   * {@code given} (the options sent) checked against {@code options} on top of {@code current} (the
   * stored ones, empty for a new record): unknown keys and missing required ones are refused,
   * naming {@code options.<key>}.
   */
  static Map<String, String> merge(
      List<IntegrationOption> options, Map<String, String> current, Map<String, String> given) {
    Map<String, String> result = new LinkedHashMap<>(current);
    if (given != null) {
      for (var e : given.entrySet()) {
        String key = e.getKey() == null ? "" : e.getKey().trim();
        IntegrationOption option =
            options.stream()
                .filter(o -> o.name().equals(key))
                .findFirst()
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            "options." + key,
                            "unknown option"
                                + (options.isEmpty()
                                    ? ": this integration takes none"
                                    : ", expected one of "
                                        + options.stream().map(IntegrationOption::name).toList())));
        result.put(key, option.check("options." + key, e.getValue()));
      }
    }
    for (IntegrationOption o : options) {
      if (o.required() && !result.containsKey(o.name())) {
        throw new InvalidInputException("options." + o.name(), "is required");
      }
    }
    return result;
  }
}
