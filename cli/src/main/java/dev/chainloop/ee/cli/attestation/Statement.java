package dev.chainloop.ee.cli.attestation;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Renders the crafting state as an in-toto Statement v1 with the Chainloop v0.2 predicate. */
public final class Statement {
  public static final String TYPE = "https://in-toto.io/Statement/v1";
  public static final String PREDICATE_TYPE = "chainloop.dev/attestation/v0.2";

  private Statement() {}

  public static byte[] render(JsonObject state, String finishedAt, String cliVersion) {
    JsonObject wf = state.getJsonObject("workflow");
    JsonObjectBuilder metadata =
        Json.createObjectBuilder()
            .add("name", wf.getString("name", ""))
            .add("project", wf.getString("project", ""))
            .add("team", wf.getString("team", ""))
            .add("workflowName", wf.getString("name", ""))
            .add("workflowID", wf.getString("id", ""))
            .add("workflowRunID", state.getString("attestationId"))
            .add("organization", state.getString("organization", ""))
            .add("contractName", state.getString("contractName", ""))
            .add("contractVersion", String.valueOf(state.getInt("contractRevision", 0)))
            .add("initializedAt", state.getString("initializedAt", ""))
            .add("finishedAt", finishedAt);
    JsonArrayBuilder materials = Json.createArrayBuilder();
    JsonArrayBuilder subjects = Json.createArrayBuilder();
    for (JsonValue v : state.getJsonArray("materials")) {
      JsonObject m = v.asJsonObject();
      JsonObjectBuilder ann =
          Json.createObjectBuilder()
              .add("chainloop.material.type", m.getString("kind"))
              .add("chainloop.material.name", m.getString("name"));
      if (m.containsKey("size")) {
        ann.add("chainloop.material.size", String.valueOf(m.getJsonNumber("size").longValue()));
      }
      if (m.getBoolean("uploaded", false)) {
        ann.add("chainloop.material.cas", true);
      }
      m.getJsonObject("annotations").forEach(ann::add);
      String hex = m.getString("digest").substring("sha256:".length());
      JsonObjectBuilder rd =
          Json.createObjectBuilder()
              .add("name", m.getString("filename", m.getString("value")))
              .add("digest", Json.createObjectBuilder().add("sha256", hex));
      if (m.getString("kind").equals("STRING")) {
        rd.add(
            "content",
            java.util.Base64.getEncoder()
                .encodeToString(m.getString("value").getBytes(StandardCharsets.UTF_8)));
      }
      JsonObject annotations = ann.build();
      materials.add(rd.add("annotations", annotations));
      if (m.getBoolean("output", false)) {
        subjects.add(
            Json.createObjectBuilder()
                .add("name", m.getString("filename", m.getString("value")))
                .add("digest", Json.createObjectBuilder().add("sha256", hex))
                .add("annotations", annotations));
      }
    }
    JsonObjectBuilder predicate =
        Json.createObjectBuilder()
            .add("buildType", "chainloop.dev/workflowrun/v0.1")
            .add("builder", Json.createObjectBuilder().add("id", "chainloop.dev/cli/" + cliVersion))
            .add("metadata", metadata)
            .add("materials", materials)
            .add("annotations", state.getJsonObject("annotations"))
            .add("runnerType", state.getString("runnerType", ""))
            .add("runnerURL", state.getString("runnerUrl", ""));
    JsonObject pred = predicate.build();
    JsonArrayBuilder allSubjects =
        Json.createArrayBuilder()
            .add(
                Json.createObjectBuilder()
                    .add("name", "chainloop.workflow." + wf.getString("name", ""))
                    .add(
                        "digest",
                        Json.createObjectBuilder()
                            .add(
                                "sha256",
                                sha256Hex(pred.toString().getBytes(StandardCharsets.UTF_8)))));
    subjects.build().forEach(allSubjects::add);
    JsonObject statement =
        Json.createObjectBuilder()
            .add("_type", TYPE)
            .add("subject", allSubjects)
            .add("predicateType", PREDICATE_TYPE)
            .add("predicate", pred)
            .build();
    return statement.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
