package dev.chainloop.ee.integration;

import dev.chainloop.ee.attestation.AttestationStored;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What every integration is told about a stored attestation, kept with each delivery: the workflow,
 * project and run as the server recorded them, the attestation digest, the materials (name, kind,
 * digest), the attestation's annotations and the policy status. The webhook sends it as is; the
 * other senders render their own formats from it.
 */
record AttestationSummary(JsonObject json) {
  static AttestationSummary of(AttestationStored event, Instant now) {
    JsonObject statement = event.statement();
    JsonObject predicate =
        statement.get("predicate") instanceof JsonObject p ? p : JsonValue.EMPTY_JSON_OBJECT;
    JsonArrayBuilder materials = Json.createArrayBuilder();
    if (predicate.get("materials") instanceof JsonArray ms) {
      for (JsonValue v : ms) {
        if (v instanceof JsonObject m) {
          materials.add(material(m));
        }
      }
    }
    JsonObjectBuilder annotations = Json.createObjectBuilder();
    if (predicate.get("annotations") instanceof JsonObject a) {
      a.forEach(
          (k, v) -> {
            if (v instanceof JsonString s) {
              annotations.add(k, s.getString());
            }
          });
    }
    return new AttestationSummary(
        Json.createObjectBuilder()
            .add("event", "attestation.stored")
            .add("organization", event.organizationName())
            .add(
                "workflow",
                Json.createObjectBuilder()
                    .add("id", event.workflowId())
                    .add("name", event.workflowName())
                    .add("project", event.projectName()))
            .add(
                "run",
                Json.createObjectBuilder()
                    .add("id", event.runId())
                    .add("projectVersion", event.projectVersion()))
            .add(
                "attestation",
                Json.createObjectBuilder()
                    .add("digest", event.digest())
                    .add("predicateType", text(statement, "predicateType")))
            .add("materials", materials)
            .add("annotations", annotations)
            .add("policyStatus", event.policyStatus().isEmpty() ? "none" : event.policyStatus())
            .add("createdAt", now.toString())
            .build());
  }

  private static JsonObject material(JsonObject m) {
    JsonObject ann = m.get("annotations") instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
    String name = text(ann, "chainloop.material.name");
    String digest =
        m.get("digest") instanceof JsonObject d && d.get("sha256") instanceof JsonString s
            ? "sha256:" + s.getString()
            : "";
    return Json.createObjectBuilder()
        .add("name", name.isEmpty() ? text(m, "name") : name)
        .add("kind", text(ann, "chainloop.material.type"))
        .add("digest", digest)
        .add("uploadedToCas", JsonValue.TRUE.equals(ann.get("chainloop.material.cas")))
        .build();
  }

  static AttestationSummary parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return new AttestationSummary(reader.readObject());
    }
  }

  String digest() {
    return json.getJsonObject("attestation").getString("digest");
  }

  String workflowName() {
    return json.getJsonObject("workflow").getString("name");
  }

  String projectName() {
    return json.getJsonObject("workflow").getString("project");
  }

  String projectVersion() {
    return json.getJsonObject("run").getString("projectVersion");
  }

  String runId() {
    return json.getJsonObject("run").getString("id");
  }

  String policyStatus() {
    return json.getString("policyStatus");
  }

  /** The materials, each with name, kind, digest. */
  List<JsonObject> materials() {
    List<JsonObject> out = new ArrayList<>();
    json.getJsonArray("materials").forEach(v -> out.add(v.asJsonObject()));
    return out;
  }

  /** The digests of the materials of {@code kind}. */
  List<String> digestsOf(String kind) {
    return materials().stream()
        .filter(m -> kind.equals(m.getString("kind")))
        .map(m -> m.getString("digest"))
        .filter(d -> !d.isEmpty())
        .toList();
  }

  private static String text(JsonObject o, String key) {
    return o.get(key) instanceof JsonString s ? s.getString() : "";
  }
}
