package dev.chainloop.ee.cli.attestation;

import dev.chainloop.ee.cli.client.model.ApiObject;
import dev.chainloop.ee.cli.client.model.MaterialSpec;
import dev.chainloop.ee.cli.client.model.WorkflowInfo;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one attestation being crafted, between {@code attestation init} and {@code push}:
 * kept in the local state file, or base64-encoded by the control plane (remote state). The workflow
 * and the contract's materials are kept as the control plane sent them.
 *
 * @param initializedAt when the run started (RFC 3339): the control plane's time, the CLI's in a
 *     dry run
 * @param annotations user annotations; a null value is one the state names but does not set
 * @param contractAnnotations the contract's {@code spec.annotations}: a fixed value, or empty for
 *     one the push must supply
 * @param envVars the contract's {@code envAllowList} variables, read at init, recorded in the
 *     statement's {@code env}
 */
public record CraftingState(
    String attestationId,
    String initializedAt,
    WorkflowInfo workflow,
    String organization,
    String contractName,
    int contractRevision,
    List<MaterialSpec> contractMaterials,
    String runnerType,
    String runnerUrl,
    Map<String, String> annotations,
    List<Material> materials,
    boolean dryRun,
    boolean remoteState,
    Map<String, String> contractAnnotations,
    Map<String, String> envVars) {

  /**
   * With the contract's annotations ({@code null} values in {@link #annotations} until set) and the
   * allowed variables' values.
   */
  public CraftingState withContractTerms(
      Map<String, String> contractAnnotations, Map<String, String> envVars) {
    Map<String, String> merged = new LinkedHashMap<>();
    contractAnnotations.forEach((k, v) -> merged.put(k, v.isEmpty() ? null : v));
    annotations.forEach(
        (k, v) -> {
          if (!merged.containsKey(k) || merged.get(k) == null) {
            merged.put(k, v);
          }
        });
    return new CraftingState(
        attestationId,
        initializedAt,
        workflow,
        organization,
        contractName,
        contractRevision,
        contractMaterials,
        runnerType,
        runnerUrl,
        merged,
        materials,
        dryRun,
        remoteState,
        Map.copyOf(contractAnnotations),
        Map.copyOf(envVars));
  }

  public CraftingState withMaterials(List<Material> replacement) {
    return new CraftingState(
        attestationId,
        initializedAt,
        workflow,
        organization,
        contractName,
        contractRevision,
        contractMaterials,
        runnerType,
        runnerUrl,
        annotations,
        List.copyOf(replacement),
        dryRun,
        remoteState,
        contractAnnotations,
        envVars);
  }

  public CraftingState withAnnotations(Map<String, String> replacement) {
    return new CraftingState(
        attestationId,
        initializedAt,
        workflow,
        organization,
        contractName,
        contractRevision,
        contractMaterials,
        runnerType,
        runnerUrl,
        replacement,
        materials,
        dryRun,
        remoteState,
        contractAnnotations,
        envVars);
  }

  /** The state as JSON; the contract's terms are written only when it has any. */
  public JsonObject toJson() {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("attestationId", attestationId)
            .add("initializedAt", initializedAt)
            .add("workflow", workflow.json())
            .add("organization", organization)
            .add("contractName", contractName)
            .add("contractRevision", contractRevision)
            .add("contractMaterials", ApiObject.array(contractMaterials))
            .add("runnerType", runnerType)
            .add("runnerUrl", runnerUrl)
            .add("annotations", json(annotations))
            .add("materials", materialsJson())
            .add("dryRun", dryRun)
            .add("remoteState", remoteState);
    if (!contractAnnotations.isEmpty()) {
      b.add("contractAnnotations", json(contractAnnotations));
    }
    if (!envVars.isEmpty()) {
      b.add("envVars", json(envVars));
    }
    return b.build();
  }

  public JsonArray materialsJson() {
    var b = Json.createArrayBuilder();
    materials.forEach(m -> b.add(m.toJson()));
    return b.build();
  }

  /** Reads a state written by {@link #toJson}; absent fields read as empty. */
  public static CraftingState parse(String text) {
    JsonObject o;
    try (JsonReader r = Json.createReader(new StringReader(text))) {
      o = r.readObject();
    }
    return new CraftingState(
        o.getString("attestationId", ""),
        o.getString("initializedAt", ""),
        new WorkflowInfo(o.get("workflow") instanceof JsonObject w ? w : null),
        o.getString("organization", ""),
        o.getString("contractName", ""),
        o.get("contractRevision") instanceof JsonNumber n ? n.intValue() : 0,
        objects(o.get("contractMaterials")).stream().map(MaterialSpec::new).toList(),
        o.getString("runnerType", ""),
        o.getString("runnerUrl", ""),
        map(o.get("annotations")),
        objects(o.get("materials")).stream().map(Material::fromJson).toList(),
        o.getBoolean("dryRun", false),
        o.getBoolean("remoteState", false),
        map(o.get("contractAnnotations")),
        map(o.get("envVars")));
  }

  private static List<JsonObject> objects(JsonValue array) {
    if (!(array instanceof JsonArray a)) {
      return List.of();
    }
    return a.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
  }

  static Map<String, String> map(JsonValue object) {
    Map<String, String> map = new LinkedHashMap<>();
    if (object instanceof JsonObject o) {
      o.forEach(
          (k, v) ->
              map.put(
                  k,
                  v instanceof JsonString s
                      ? s.getString()
                      : v.getValueType() == JsonValue.ValueType.NULL ? null : v.toString()));
    }
    return map;
  }

  static JsonObject json(Map<String, String> map) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    map.forEach((k, v) -> b.add(k, v == null ? JsonValue.NULL : Json.createValue(v)));
    return b.build();
  }

  public JsonObject annotationsJson() {
    return json(annotations);
  }

  public JsonObject envVarsJson() {
    return json(envVars);
  }
}
