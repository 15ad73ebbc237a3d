package dev.chainloop.ee.cli.commands.attestation;

import dev.chainloop.ee.cli.attestation.CraftingState;
import dev.chainloop.ee.cli.attestation.LocalState;
import dev.chainloop.ee.cli.attestation.Material;
import dev.chainloop.ee.cli.client.model.AnnotationSpec;
import dev.chainloop.ee.cli.client.model.MaterialSpec;
import dev.chainloop.ee.cli.client.model.PolicyEvaluation;
import dev.chainloop.ee.cli.client.model.RemoteState;
import dev.chainloop.ee.cli.client.model.SaveStateRequest;
import dev.chainloop.ee.cli.client.model.VersionInfo;
import dev.chainloop.ee.cli.client.model.WorkflowInfo;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.UsageException;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Table;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared flags and renderings of the attestation verbs. */
final class AttestationView {
  static final String STATE_FLAG = "local-state-path";
  static final String ID_FLAG = "attestation-id";

  private AttestationView() {}

  static void stateFlag(FlagSet flags) {
    flags.string(
        STATE_FLAG,
        "path to the local attestation state file (default $TMPDIR/chainloop-attestation.tmp.json)");
  }

  static void attestationIdFlag(FlagSet flags) {
    flags.string(
        ID_FLAG,
        "ID of a run initialized with --remote-state: its state is read from and saved to the control plane");
  }

  /** A crafting state and where it lives: the local file, or the control plane (remote state). */
  record Loaded(CraftingState state, String remoteId, String baseDigest) {
    boolean remote() {
      return remoteId != null;
    }
  }

  static Loaded load(CliContext ctx) {
    var id = ctx.flags().nonBlank(ID_FLAG).map(String::trim);
    if (id.isEmpty()) {
      return new Loaded(LocalState.require(statePath(ctx)), null, null);
    }
    RemoteState remote = ctx.api().attestationState(id.get());
    if (remote.state().isEmpty()) {
      throw new CliException(
          "attestation " + id.get() + " has no remote state: initialize it with --remote-state");
    }
    try {
      String text = new String(Base64.getDecoder().decode(remote.state()), StandardCharsets.UTF_8);
      return new Loaded(CraftingState.parse(text), id.get(), remote.digest());
    } catch (RuntimeException e) {
      throw new CliException("the remote state of attestation " + id.get() + " is not readable", e);
    }
  }

  /**
   * Saves {@code state} where {@code loaded} came from; remote saves fail with 409 if it changed.
   */
  static void save(CliContext ctx, Loaded loaded, CraftingState state) {
    if (loaded.remote()) {
      saveRemote(ctx, loaded.remoteId(), state, loaded.baseDigest());
    } else {
      LocalState.write(statePath(ctx), state);
    }
  }

  static void saveRemote(CliContext ctx, String id, CraftingState state, String baseDigest) {
    String encoded =
        Base64.getEncoder()
            .encodeToString(state.toJson().toString().getBytes(StandardCharsets.UTF_8));
    ctx.api()
        .saveAttestationState(
            id, new SaveStateRequest(encoded, baseDigest == null ? "" : baseDigest));
  }

  /** Forgets a local state; a remote one is cleared by the server when the run ends. */
  static void discard(CliContext ctx, Loaded loaded) {
    if (!loaded.remote()) {
      LocalState.delete(statePath(ctx));
    }
  }

  static Path statePath(CliContext ctx) {
    return LocalState.path(ctx.flags().string(STATE_FLAG), ctx.env());
  }

  /** {@code base} (may be empty) with the {@code key=value} pairs added or replaced. */
  /** Chainloop's own annotations (chainloop.material.type, ...): users cannot set them. */
  static final String RESERVED_ANNOTATION_PREFIX = "chainloop.";

  static Map<String, String> annotations(List<String> pairs, Map<String, String> base) {
    Map<String, String> annotations = new LinkedHashMap<>(base);
    for (String p : pairs) {
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("invalid --annotation \"" + p + "\": expected key=value");
      }
      String key = p.substring(0, eq).trim();
      if (key.startsWith(RESERVED_ANNOTATION_PREFIX)) {
        throw new UsageException(
            "invalid --annotation \""
                + p
                + "\": annotations prefixed with \""
                + RESERVED_ANNOTATION_PREFIX
                + "\" are reserved for the system");
      }
      annotations.put(key, p.substring(eq + 1).trim());
    }
    return annotations;
  }

  /** The contract's annotations by name, in the contract's order. */
  static Map<String, String> contractAnnotations(List<AnnotationSpec> specs) {
    Map<String, String> out = new LinkedHashMap<>();
    specs.forEach(a -> out.put(a.name(), a.value()));
    return out;
  }

  /**
   * The values of the contract's {@code envAllowList}, read from the environment at init; as
   * upstream, a variable that is unset or empty fails the command.
   */
  static Map<String, String> allowedEnvVars(List<String> allowList, Map<String, String> env) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : allowList) {
      String value = env.get(name);
      if (value == null || value.isEmpty()) {
        throw new CliException("required env variables not present \"" + name + "\"");
      }
      out.put(name, value);
    }
    return out;
  }

  /**
   * The annotations a push records: the state's, plus {@code --annotation} pairs except over a
   * value the contract fixes (upstream skips those with a message); then every annotation the
   * contract names must have a value.
   */
  static Map<String, String> pushAnnotations(CliContext ctx, CraftingState state) {
    Map<String, String> runtime = annotations(ctx.flags().strings("annotation"), Map.of());
    Map<String, String> result = new LinkedHashMap<>(state.annotations());
    runtime.forEach(
        (k, v) -> {
          String fixed = state.contractAnnotations().get(k);
          if (fixed != null && !fixed.isEmpty()) {
            ctx.log()
                .info(
                    "annotation \""
                        + k
                        + "\" value is set in the contract, can not be overridden, skipping");
          } else {
            result.put(k, v);
          }
        });
    List<String> missing =
        result.entrySet().stream()
            .filter(e -> e.getValue() == null || e.getValue().isEmpty())
            .map(e -> "\"" + e.getKey() + "\"")
            .toList();
    if (!missing.isEmpty()) {
      throw new CliException(
          "annotations ["
              + String.join(" ", missing)
              + "] required: set them with --annotation key=value");
    }
    return result;
  }

  /** The contract's environment variables and their values, as upstream's "Env Variables". */
  static Table envVars(CraftingState state) {
    Table t = Table.describe().title("Env Variables");
    state.envVars().forEach(t::row);
    return t;
  }

  /** The status table: the first six rows are fixed (scripts parse them). */
  static Table status(CraftingState state, String digest) {
    WorkflowInfo wf = state.workflow();
    Table t =
        Table.describe()
            .row("Initialized At", Dates.rfc822(state.initializedAt()))
            .separator()
            .row("Attestation ID", state.attestationId())
            .row("Name", wf.name())
            .row("Team", wf.team())
            .row("Project", wf.project())
            .row("Contract Revision", String.valueOf(state.contractRevision()));
    if (!wf.projectVersion().version().isEmpty()) {
      t.row("Version", versionLabel(wf.projectVersion(), digest != null));
    }
    if (digest != null) {
      t.row("Digest", digest);
    }
    if (!state.organization().isEmpty()) {
      t.row("Organization", state.organization());
    }
    if (!state.runnerType().isEmpty()) {
      t.row("Runner Type", state.runnerType()).row("Runner URL", state.runnerUrl());
    }
    if (!state.annotations().isEmpty()) {
      t.row("Annotations", "------");
      state.annotations().forEach((k, v) -> t.row("", k + ": " + (v == null ? "[NOT SET]" : v)));
    }
    return t;
  }

  /**
   * Upstream's version cell: while crafting {@code v1 (prerelease)}, {@code v1 (will be released)}
   * or {@code v1 (already released)}; once pushed, {@code v1 (prerelease)} or, released, {@code
   * v1}.
   */
  static String versionLabel(VersionInfo v, boolean pushed) {
    if (pushed) {
      return v.prerelease() && !v.markAsRelease() ? v.version() + " (prerelease)" : v.version();
    }
    if (!v.prerelease()) {
      return v.version() + " (already released)";
    }
    return v.version() + (v.markAsRelease() ? " (will be released)" : " (prerelease)");
  }

  static Table materials(CraftingState state, boolean full) {
    Table t =
        full
            ? Table.withHeader("Name", "Type", "Set", "Required", "Is output", "Value", "Digest")
            : Table.withHeader("Name", "Type", "Set", "Required", "Is output");
    Map<String, Material> set = new LinkedHashMap<>();
    state.materials().forEach(m -> set.put(m.name(), m));
    for (MaterialSpec spec : state.contractMaterials()) {
      Material m = set.remove(spec.name());
      row(t, spec.name(), spec.type(), m, !spec.optional(), spec.output(), full);
    }
    set.forEach((name, m) -> row(t, name, m.kind(), m, false, m.output(), full));
    return t;
  }

  private static void row(
      Table t,
      String name,
      String type,
      Material m,
      boolean required,
      boolean output,
      boolean full) {
    String isSet = m == null ? "No" : "Yes";
    if (full) {
      t.row(
          name,
          type,
          isSet,
          yes(required),
          yes(output),
          m == null ? "" : m.value(),
          m == null ? "" : m.digest());
    } else {
      t.row(name, type, isSet, yes(required), yes(output));
    }
  }

  private static String yes(boolean b) {
    return b ? "Yes" : "No";
  }

  /**
   * What the contract's policies said about each material when it was added (the push evaluates
   * again, with the attestation policies).
   */
  static List<PolicyEvaluation> policyEvaluations(CraftingState state) {
    return state.materials().stream()
        .flatMap(m -> m.policyEvaluations().stream())
        .filter(JsonObject.class::isInstance)
        .map(v -> new PolicyEvaluation((JsonObject) v))
        .toList();
  }

  static JsonObject statusJson(CraftingState state, String digest) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("attestationID", state.attestationId())
            .add("initializedAt", state.initializedAt())
            .add("workflowMeta", state.workflow().json())
            .add("organization", state.organization())
            .add("contractRevision", state.contractRevision())
            .add("materials", state.materialsJson())
            .add("annotations", state.annotationsJson())
            .add("envVars", state.envVarsJson())
            .add("dryRun", state.dryRun())
            .add("isPushed", digest != null);
    if (digest != null) {
      b.add("digest", digest);
    }
    return b.build();
  }
}
