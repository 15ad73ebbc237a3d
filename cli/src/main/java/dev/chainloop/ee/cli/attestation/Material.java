package dev.chainloop.ee.cli.attestation;

import dev.chainloop.ee.cli.oci.ImageReference;
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
 * @param recorded annotations the CLI itself found out, from an image's registry ({@code
 *     chainloop.material.image.tag}, {@code chainloop.material.signature.digest}, ...): written
 *     beside {@code chainloop.material.type}, never taken from the user
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
    JsonArray policyEvaluations,
    Map<String, String> recorded) {
  /** The scheme a Helm chart stored as an OCI artifact is given with. */
  public static final String OCI_SCHEME = "oci://";

  /**
   * The name the statement gives the material: its file name; for an image or OCI artifact its
   * repository ({@code ghcr.io/org/app}, as upstream records it); else its value.
   */
  public String descriptorName() {
    if (filename != null) {
      return filename;
    }
    if (isOciReference(kind, value)) {
      try {
        return ImageReference.parse(stripScheme(value)).repository();
      } catch (IllegalArgumentException e) {
        return value;
      }
    }
    return value;
  }

  /** A registry reference rather than a file: an image, or a Helm chart given as oci://... */
  public static boolean isOciReference(String kind, String value) {
    return kind.equals("CONTAINER_IMAGE")
        || (kind.equals("HELM_CHART") && value.startsWith(OCI_SCHEME));
  }

  public static String stripScheme(String value) {
    return value.startsWith(OCI_SCHEME) ? value.substring(OCI_SCHEME.length()) : value;
  }

  public Material withPolicyEvaluations(JsonArray evaluations) {
    return new Material(
        name,
        kind,
        value,
        output,
        annotations,
        filename,
        size,
        uploaded,
        digest,
        evaluations,
        recorded);
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
    if (!recorded.isEmpty()) {
      b.add("recordedAnnotations", CraftingState.json(recorded));
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
        o.get("policyEvaluations") instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY,
        CraftingState.map(o.get("recordedAnnotations")));
  }
}
