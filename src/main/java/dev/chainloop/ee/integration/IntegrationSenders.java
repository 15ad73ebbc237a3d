package dev.chainloop.ee.integration;

import dev.chainloop.ee.artifact.ArtifactService;
import dev.chainloop.ee.platform.web.OutboundAddresses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends one claimed delivery in its kind's format with the JDK HTTP client: the webhook's signed
 * JSON summary, Slack's and Discord's webhook messages, Dependency-Track's BOM upload. Every
 * request carries the delivery id ({@value #DELIVERY_HEADER}), the same on every attempt. Failures
 * name what happened, never a secret option (the Slack and Discord URLs are secrets).
 */
@ApplicationScoped
public class IntegrationSenders {
  static final String DELIVERY_HEADER = "X-Chainloop-Delivery";
  static final String SIGNATURE_HEADER = "X-Chainloop-Signature";
  static final String EVENT_HEADER = "X-Chainloop-Event";
  static final String CYCLONEDX = "SBOM_CYCLONEDX_JSON";

  /** The largest SBOM uploaded to Dependency-Track. */
  static final int MAX_SBOM_BYTES = 32 * 1024 * 1024;

  @Inject ArtifactService artifacts;
  @Inject OutboundAddresses outbound;

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  void send(DeliveryService.Claimed delivery, Duration timeout) throws DeliveryFailure {
    try {
      switch (delivery.kind()) {
        case WEBHOOK -> webhook(delivery, timeout);
        case SLACK ->
            post(delivery, delivery.registration().get("webhook"), slack(delivery), timeout);
        case DISCORD ->
            post(delivery, delivery.registration().get("webhook"), discord(delivery), timeout);
        case DEPENDENCY_TRACK -> dependencyTrack(delivery, timeout);
      }
    } catch (DeliveryFailure e) {
      throw new DeliveryFailure(scrub(e.getMessage(), delivery));
    }
  }

  private void webhook(DeliveryService.Claimed d, Duration timeout) throws DeliveryFailure {
    byte[] body =
        Json.createObjectBuilder(d.summary().json())
            .add("deliveryId", d.id())
            .build()
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        request(d, d.registration().get("url"), timeout)
            .header("Content-Type", "application/json")
            .header(SIGNATURE_HEADER, "sha256=" + hmacSha256(d.registration().get("secret"), body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    expect2xx(request);
  }

  /** Slack's incoming webhook message: a fallback {@code text} and Block Kit {@code blocks}. */
  static JsonObject slack(DeliveryService.Claimed d) {
    AttestationSummary s = d.summary();
    JsonArrayBuilder fields = Json.createArrayBuilder();
    for (String[] f : facts(s)) {
      fields.add(
          Json.createObjectBuilder().add("type", "mrkdwn").add("text", "*" + f[0] + "*\n" + f[1]));
    }
    JsonArrayBuilder blocks =
        Json.createArrayBuilder()
            .add(
                Json.createObjectBuilder()
                    .add("type", "header")
                    .add(
                        "text",
                        Json.createObjectBuilder()
                            .add("type", "plain_text")
                            .add("text", "New attestation received")))
            .add(Json.createObjectBuilder().add("type", "section").add("fields", fields));
    List<JsonObject> materials = s.materials();
    if (!materials.isEmpty()) {
      StringBuilder text = new StringBuilder("*Materials*");
      for (JsonObject m : materials) {
        text.append("\n• ")
            .append(m.getString("name"))
            .append(" (")
            .append(m.getString("kind"))
            .append(") `")
            .append(m.getString("digest"))
            .append('`');
      }
      blocks.add(
          Json.createObjectBuilder()
              .add("type", "section")
              .add(
                  "text",
                  Json.createObjectBuilder().add("type", "mrkdwn").add("text", cap(text, 3000))));
    }
    return Json.createObjectBuilder().add("text", headline(s)).add("blocks", blocks).build();
  }

  /** Discord's webhook message: {@code content} and one embed with the facts as fields. */
  static JsonObject discord(DeliveryService.Claimed d) {
    AttestationSummary s = d.summary();
    JsonArrayBuilder fields = Json.createArrayBuilder();
    for (String[] f : facts(s)) {
      fields.add(
          Json.createObjectBuilder()
              .add("name", f[0])
              .add("value", cap(new StringBuilder(f[1]), 1024))
              .add("inline", true));
    }
    StringBuilder materials = new StringBuilder();
    for (JsonObject m : s.materials()) {
      materials.append(m.getString("name")).append(" (").append(m.getString("kind")).append(")\n");
    }
    if (!materials.isEmpty()) {
      fields.add(
          Json.createObjectBuilder()
              .add("name", "Materials")
              .add("value", cap(materials, 1024))
              .add("inline", false));
    }
    JsonObjectBuilder message =
        Json.createObjectBuilder()
            .add("content", cap(new StringBuilder(headline(s)), 2000))
            .add(
                "embeds",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("title", "New attestation received")
                            .add("description", s.digest())
                            .add("fields", fields)
                            .add("timestamp", s.json().getString("createdAt"))));
    String username = d.registration().get("username");
    if (username != null && !username.isBlank()) {
      message.add("username", username);
    }
    return message.build();
  }

  private void dependencyTrack(DeliveryService.Claimed d, Duration timeout) throws DeliveryFailure {
    AttestationSummary s = d.summary();
    String project = option(d.attachment(), "projectName", s.projectName());
    String version = option(d.attachment(), "projectVersion", s.projectVersion());
    boolean autoCreate = !"false".equals(d.registration().get("allowAutoCreate"));
    String base = d.registration().get("instanceURI").replaceAll("/+$", "");
    for (String digest : s.digestsOf(CYCLONEDX)) {
      JsonObjectBuilder body =
          Json.createObjectBuilder()
              .add("projectName", project)
              .add("autoCreate", autoCreate)
              .add("bom", Base64.getEncoder().encodeToString(sbom(d.organizationId(), digest)));
      if (!version.isEmpty()) {
        body.add("projectVersion", version);
      }
      HttpRequest request =
          request(d, base + "/api/v1/bom", timeout)
              .header("Content-Type", "application/json")
              .header("X-Api-Key", d.registration().get("apiKey"))
              .PUT(HttpRequest.BodyPublishers.ofString(body.build().toString()))
              .build();
      expect2xx(request);
    }
  }

  private byte[] sbom(String organizationId, String digest) throws DeliveryFailure {
    ArtifactService.Content content;
    try {
      content = artifacts.downloadFor(organizationId, digest);
    } catch (RuntimeException e) {
      throw new DeliveryFailure("SBOM " + digest + " cannot be read: " + e.getMessage());
    }
    if (content.size() > MAX_SBOM_BYTES) {
      throw new DeliveryFailure("SBOM " + digest + " is over " + MAX_SBOM_BYTES + " bytes");
    }
    try (InputStream in = content.stream()) {
      return in.readNBytes(MAX_SBOM_BYTES);
    } catch (IOException e) {
      throw new DeliveryFailure("SBOM " + digest + " cannot be read: " + e.getMessage());
    }
  }

  private void post(DeliveryService.Claimed d, String url, JsonObject message, Duration timeout)
      throws DeliveryFailure {
    expect2xx(
        request(d, url, timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(message.toString()))
            .build());
  }

  private static HttpRequest.Builder request(
      DeliveryService.Claimed d, String url, Duration timeout) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(timeout)
        .header("User-Agent", "chainloop-ee")
        .header(DELIVERY_HEADER, d.id())
        .header(EVENT_HEADER, "attestation.stored");
  }

  private void expect2xx(HttpRequest request) throws DeliveryFailure {
    Optional<String> refused = outbound.refusal(request.uri());
    if (refused.isPresent()) {
      throw new DeliveryFailure("not sent: the URL " + refused.get());
    }
    HttpResponse<Void> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new DeliveryFailure(
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailure("interrupted");
    }
    if (response.statusCode() / 100 != 2) {
      throw new DeliveryFailure("the receiver answered HTTP " + response.statusCode());
    }
  }

  private static List<String[]> facts(AttestationSummary s) {
    return List.of(
        new String[] {"Workflow", s.workflowName()},
        new String[] {"Project", s.projectName()},
        new String[] {"Version", s.projectVersion().isEmpty() ? "-" : s.projectVersion()},
        new String[] {"Run", s.runId()},
        new String[] {"Policies", s.policyStatus()},
        new String[] {"Digest", s.digest()});
  }

  private static String headline(AttestationSummary s) {
    return "New attestation of workflow "
        + s.projectName()
        + "/"
        + s.workflowName()
        + " (run "
        + s.runId()
        + "): "
        + s.digest();
  }

  private static String option(Map<String, String> options, String key, String fallback) {
    String v = options.get(key);
    return v == null || v.isBlank() ? fallback : v;
  }

  private static String cap(StringBuilder text, int max) {
    return text.length() <= max ? text.toString() : text.substring(0, max - 1) + "…";
  }

  /** {@code message} with the value of every secret option of the registration masked. */
  private static String scrub(String message, DeliveryService.Claimed d) {
    String out = message == null ? "" : message;
    for (IntegrationOption o : d.kind().registration()) {
      String v = d.registration().get(o.name());
      if (o.secret() && v != null && !v.isEmpty()) {
        out = out.replace(v, "***");
      }
    }
    return out;
  }

  static String hmacSha256(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
