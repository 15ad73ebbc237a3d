package dev.chainloop.ee.cli.attestation;

import dev.chainloop.ee.cli.client.model.WorkflowInfo;
import dev.chainloop.ee.shared.Sha256;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Renders the crafting state as an in-toto Statement v1 with the Chainloop v0.2 predicate. */
public final class Statement {
  public static final String TYPE = "https://in-toto.io/Statement/v1";
  public static final String PREDICATE_TYPE = "chainloop.dev/attestation/v0.2";

  private Statement() {}

  public static byte[] render(
      CraftingState state, String finishedAt, String cliVersion, Optional<GitHead> head) {
    return render(state, finishedAt, cliVersion, head, false);
  }

  /**
   * The statement.
   *
   * @param head the commit the pipeline built, recorded as the {@code git.head} subject
   * @param bypassPolicyCheck its predicate records, as upstream's {@code policyBlockBypassEnabled},
   *     that the push asked to pass blocking policy violations
   */
  public static byte[] render(
      CraftingState state,
      String finishedAt,
      String cliVersion,
      Optional<GitHead> head,
      boolean bypassPolicyCheck) {
    WorkflowInfo wf = state.workflow();
    JsonObjectBuilder metadata =
        Json.createObjectBuilder()
            .add("name", wf.name())
            .add("project", wf.project())
            .add("team", wf.team())
            .add("workflowName", wf.name())
            .add("workflowID", wf.id())
            .add("workflowRunID", state.attestationId())
            .add("organization", state.organization())
            .add("contractName", state.contractName())
            .add("contractVersion", String.valueOf(state.contractRevision()))
            .add("initializedAt", state.initializedAt())
            .add("finishedAt", finishedAt);
    JsonArrayBuilder materials = Json.createArrayBuilder();
    JsonArrayBuilder subjects = Json.createArrayBuilder();
    for (Material m : state.materials()) {
      JsonObject descriptor = descriptor(m);
      materials.add(descriptor);
      if (m.output()) {
        JsonObject annotations = descriptor.getJsonObject("annotations");
        String hex = m.digest().substring("sha256:".length());
        subjects.add(
            Json.createObjectBuilder()
                .add("name", m.descriptorName())
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
            .add("annotations", state.annotationsJson())
            .add("runnerType", state.runnerType())
            .add("runnerURL", state.runnerUrl());
    if (!state.envVars().isEmpty()) {
      predicate.add("env", state.envVarsJson());
    }
    if (bypassPolicyCheck) {
      predicate.add("policyBlockBypassEnabled", true);
    }
    JsonObject pred = predicate.build();
    JsonArrayBuilder allSubjects =
        Json.createArrayBuilder()
            .add(
                Json.createObjectBuilder()
                    .add("name", "chainloop.workflow." + wf.name())
                    .add(
                        "digest",
                        Json.createObjectBuilder()
                            .add(
                                "sha256",
                                Sha256.hex(pred.toString().getBytes(StandardCharsets.UTF_8)))));
    head.ifPresent(h -> allSubjects.add(h.subject()));
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

  private static boolean isBasic(String key) {
    return key.equals("chainloop.material.type")
        || key.equals("chainloop.material.name")
        || key.equals("chainloop.material.size")
        || key.equals("chainloop.material.cas");
  }

  /**
   * The resource descriptor the statement carries for {@code m}; also what {@code attestation add}
   * sends for its early policy evaluation, so that it reads the material as the push will.
   */
  public static JsonObject descriptor(Material m) {
    JsonObjectBuilder ann =
        Json.createObjectBuilder()
            .add("chainloop.material.type", m.kind())
            .add("chainloop.material.name", m.name());
    if (m.size() != null) {
      ann.add("chainloop.material.size", String.valueOf(m.size()));
    }
    if (m.uploaded()) {
      ann.add("chainloop.material.cas", true);
    }
    m.recorded().entrySet().stream()
        .filter(e -> e.getKey().startsWith("chainloop.material.") && !isBasic(e.getKey()))
        .forEach(e -> ann.add(e.getKey(), e.getValue()));
    // a state file edited by hand must not pass off a material as another kind either
    CraftingState.json(m.annotations()).entrySet().stream()
        .filter(e -> !e.getKey().startsWith("chainloop."))
        .forEach(e -> ann.add(e.getKey(), e.getValue()));
    JsonObjectBuilder rd =
        Json.createObjectBuilder()
            .add("name", m.descriptorName())
            .add(
                "digest",
                Json.createObjectBuilder().add("sha256", m.digest().substring("sha256:".length())));
    if (m.kind().equals("STRING")) {
      rd.add(
          "content",
          Base64.getEncoder().encodeToString(m.value().getBytes(StandardCharsets.UTF_8)));
    }
    return rd.add("annotations", ann.build()).build();
  }
}
