package dev.chainloop.ee.cli.attestation;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * A material recorded by {@code attestation add}: its value, digest and, for files, name and size.
 *
 * @param size bytes of a file or string value; null for container images
 * @param uploaded whether the file went to the CAS (not in dry runs)
 * @param policyEvaluations what the contract's policies said about it at {@code attestation add}
 *     (the control plane's answer, kept for {@code attestation status}; push evaluates again)
 */
public record Material(
    String name,
    String kind,
    String value,
    boolean output,
    Map<String, String> annotations,
    String filename,
    Long size,
    boolean uploaded,
    String digest,
    JsonArray policyEvaluations) {

  /** The name the statement gives the material: its file name, else its value. */
  public String descriptorName() {
    return filename != null ? filename : value;
  }

  public Material withPolicyEvaluations(JsonArray evaluations) {
    return new Material(
        name, kind, value, output, annotations, filename, size, uploaded, digest, evaluations);
  }

  public JsonObject toJson() {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("name", name)
            .add("kind", kind)
            .add("value", value)
            .add("output", output)
            .add("annotations", CraftingState.json(annotations));
    if (filename != null) {
      b.add("filename", filename);
    }
    if (size != null) {
      b.add("size", size);
    }
    if (uploaded) {
      b.add("uploaded", true);
    }
    b.add("digest", digest);
    if (!policyEvaluations.isEmpty()) {
      b.add("policyEvaluations", policyEvaluations);
    }
    return b.build();
  }

  static Material fromJson(JsonObject o) {
    return new Material(
        o.getString("name", ""),
        o.getString("kind", ""),
        o.getString("value", ""),
        o.getBoolean("output", false),
        CraftingState.map(o.get("annotations")),
        o.containsKey("filename") ? o.getString("filename", null) : null,
        o.get("size") instanceof JsonNumber n ? n.longValue() : null,
        o.getBoolean("uploaded", false),
        o.getString("digest", ""),
        o.get("policyEvaluations") instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY);
  }
}
