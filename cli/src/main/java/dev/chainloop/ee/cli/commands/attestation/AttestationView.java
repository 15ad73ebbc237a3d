package dev.chainloop.ee.cli.commands.attestation;

import dev.chainloop.ee.cli.attestation.LocalState;
import dev.chainloop.ee.cli.client.ApiClient;
import dev.chainloop.ee.cli.client.Json;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.UsageException;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Table;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
  record Loaded(JsonObject state, String remoteId, String baseDigest) {
    boolean remote() {
      return remoteId != null;
    }
  }

  static Loaded load(CliContext ctx) {
    var id = ctx.flags().nonBlank(ID_FLAG).map(String::trim);
    if (id.isEmpty()) {
      return new Loaded(LocalState.require(statePath(ctx)), null, null);
    }
    JsonObject remote = Json.asObject(ctx.api().get(stateUrl(id.get())));
    String encoded = Json.str(remote, "state");
    if (encoded.isEmpty()) {
      throw new CliException(
          "attestation " + id.get() + " has no remote state: initialize it with --remote-state");
    }
    try (var r =
        jakarta.json.Json.createReader(
            new java.io.StringReader(
                new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8)))) {
      return new Loaded(r.readObject(), id.get(), Json.str(remote, "digest"));
    } catch (RuntimeException e) {
      throw new CliException("the remote state of attestation " + id.get() + " is not readable", e);
    }
  }

  /**
   * Saves {@code state} where {@code loaded} came from; remote saves fail with 409 if it changed.
   */
  static void save(CliContext ctx, Loaded loaded, JsonObject state) {
    if (loaded.remote()) {
      saveRemote(ctx, loaded.remoteId(), state, loaded.baseDigest());
    } else {
      LocalState.write(statePath(ctx), state);
    }
  }

  static void saveRemote(CliContext ctx, String id, JsonObject state, String baseDigest) {
    String encoded =
        Base64.getEncoder().encodeToString(state.toString().getBytes(StandardCharsets.UTF_8));
    ctx.api()
        .sendBody(
            "PUT",
            stateUrl(id),
            HttpRequest.BodyPublishers.ofString(
                Json.object()
                    .add("state", encoded)
                    .add("baseDigest", baseDigest == null ? "" : baseDigest)
                    .build()
                    .toString()),
            "application/json");
  }

  /** Forgets a local state; a remote one is cleared by the server when the run ends. */
  static void discard(CliContext ctx, Loaded loaded) {
    if (!loaded.remote()) {
      LocalState.delete(statePath(ctx));
    }
  }

  private static String stateUrl(String id) {
    return "/api/v1/attestations/" + ApiClient.segment(id) + "/state";
  }

  static java.nio.file.Path statePath(CliContext ctx) {
    return dev.chainloop.ee.cli.attestation.LocalState.path(
        ctx.flags().string(STATE_FLAG), ctx.env());
  }

  static JsonObjectBuilder annotations(List<String> pairs, JsonObject base) {
    JsonObjectBuilder b =
        base == null ? Json.object() : jakarta.json.Json.createObjectBuilder(base);
    for (String p : pairs) {
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("invalid --annotation \"" + p + "\": expected key=value");
      }
      b.add(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
    }
    return b;
  }

  /** The status table: the first six rows are fixed (scripts parse them). */
  static Table status(JsonObject state, String digest) {
    JsonObject wf = Json.obj(state, "workflow");
    Table t =
        Table.describe()
            .row("Initialized At", Dates.rfc822(Json.str(state, "initializedAt")))
            .separator()
            .row("Attestation ID", Json.str(state, "attestationId"))
            .row("Name", Json.str(wf, "name"))
            .row("Team", Json.str(wf, "team"))
            .row("Project", Json.str(wf, "project"))
            .row("Contract Revision", String.valueOf(Json.num(state, "contractRevision", 0)));
    if (digest != null) {
      t.row("Digest", digest);
    }
    if (!Json.str(state, "organization").isEmpty()) {
      t.row("Organization", Json.str(state, "organization"));
    }
    if (!Json.str(state, "runnerType").isEmpty()) {
      t.row("Runner Type", Json.str(state, "runnerType"))
          .row("Runner URL", Json.str(state, "runnerUrl"));
    }
    JsonObject ann = Json.obj(state, "annotations");
    if (!ann.isEmpty()) {
      t.row("Annotations", "------");
      ann.forEach((k, v) -> t.row("", k + ": " + Json.opt(ann, k).orElse("[NOT SET]")));
    }
    return t;
  }

  static Table materials(JsonObject state, boolean full) {
    Table t =
        full
            ? Table.withHeader("Name", "Type", "Set", "Required", "Is output", "Value", "Digest")
            : Table.withHeader("Name", "Type", "Set", "Required", "Is output");
    Map<String, JsonObject> set =
        Json.objects(state.getJsonArray("materials")).stream()
            .collect(
                Collectors.toMap(
                    m -> Json.str(m, "name"), m -> m, (a, b) -> b, java.util.LinkedHashMap::new));
    for (JsonObject spec : Json.objects(state.getJsonArray("contractMaterials"))) {
      JsonObject m = set.remove(Json.str(spec, "name"));
      row(
          t,
          Json.str(spec, "name"),
          Json.str(spec, "type"),
          m,
          !Json.bool(spec, "optional"),
          Json.bool(spec, "output"),
          full);
    }
    set.forEach(
        (name, m) -> row(t, name, Json.str(m, "kind"), m, false, Json.bool(m, "output"), full));
    return t;
  }

  private static void row(
      Table t,
      String name,
      String type,
      JsonObject m,
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
          m == null ? "" : Json.str(m, "value"),
          m == null ? "" : Json.str(m, "digest"));
    } else {
      t.row(name, type, isSet, yes(required), yes(output));
    }
  }

  private static String yes(boolean b) {
    return b ? "Yes" : "No";
  }

  static JsonValue statusJson(JsonObject state, String digest) {
    JsonObjectBuilder b =
        jakarta.json.Json.createObjectBuilder()
            .add("attestationID", Json.str(state, "attestationId"))
            .add("initializedAt", Json.str(state, "initializedAt"))
            .add("workflowMeta", Json.obj(state, "workflow"))
            .add("organization", Json.str(state, "organization"))
            .add("contractRevision", Json.num(state, "contractRevision", 0))
            .add("materials", state.getJsonArray("materials"))
            .add("annotations", Json.obj(state, "annotations"))
            .add("dryRun", Json.bool(state, "dryRun"))
            .add("isPushed", digest != null);
    if (digest != null) {
      b.add("digest", digest);
    }
    return b.build();
  }
}
