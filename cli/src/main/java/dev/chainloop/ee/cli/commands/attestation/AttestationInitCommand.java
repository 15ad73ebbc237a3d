package dev.chainloop.ee.cli.commands.attestation;

import dev.chainloop.ee.cli.attestation.LocalState;
import dev.chainloop.ee.cli.attestation.Runners;
import dev.chainloop.ee.cli.client.Json;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.framework.UsageException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.file.Path;
import java.time.Instant;

public final class AttestationInitCommand extends LeafCommand {
  @Override
  public String name() {
    return "init";
  }

  @Override
  public String shortDescription() {
    return "start attestation crafting process";
  }

  @Override
  public String example() {
    return """
          chainloop attestation init --workflow build-and-test --project core""";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("workflow", "name of the workflow to run the attestation");
    flags.string("workflow-name", "name of the workflow (alias of --workflow)");
    flags.string("name", "name of the workflow (alias of --workflow)");
    flags.string("project", "name of the project of this workflow");
    flags
        .integer("contract-revision", "revision of the contract to retrieve, \"latest\" by default")
        .defaultValue("0");
    flags.bool("replace", "replace any existing in-progress attestation").shorthand("f");
    flags.bool(
        "dry-run", "do not record the attestation in the control plane, useful for development");
    flags.bool("remote-state", "store the attestation state remotely");
    flags.strings("annotation", "additional annotation in the format of key=value");
    AttestationView.stateFlag(flags);
  }

  @Override
  public void run(CliContext ctx) {
    Path path = AttestationView.statePath(ctx);
    if (LocalState.read(path).isPresent() && !ctx.flags().bool("replace")) {
      throw new CliException(
          "attestation already initialized, to override it use the --replace flag");
    }
    String workflow = ctx.flags().string("workflow").trim();
    // The seed's --workflow-name (and --name) stay first-class aliases: no warning on stderr.
    for (String alias : new String[] {"workflow-name", "name"}) {
      if (workflow.isEmpty() && ctx.flags().nonBlank(alias).isPresent()) {
        workflow = ctx.flags().string(alias).trim();
      }
    }
    if (workflow.isEmpty()) {
      throw new UsageException("required flag(s) \"workflow\" not set");
    }
    int revision = ctx.flags().integer("contract-revision");
    Runners.Runner runner = Runners.detect(ctx.env());
    boolean dryRun = ctx.flags().bool("dry-run");
    if (dryRun && ctx.flags().bool("remote-state")) {
      throw new UsageException("--remote-state cannot be used with --dry-run");
    }
    JsonObject init;
    if (dryRun) {
      init =
          Json.object()
              .add("attestationId", "")
              .add(
                  "workflow",
                  Json.object().add("name", workflow).add("project", ctx.flags().string("project")))
              .add("initializedAt", Instant.now(ctx.clock()).toString())
              .add("contractRevision", Math.max(revision, 1))
              .build();
    } else {
      JsonObjectBuilder body =
          Json.object().add("workflow", workflow).add("contractRevision", revision);
      ctx.flags().nonBlank("project").ifPresent(p -> body.add("project", p.trim()));
      if (runner.type() != null) {
        body.add("runnerType", runner.type()).add("runUrl", runner.url());
      }
      init = Json.asObject(ctx.api().post("/api/v1/attestations/init", body.build()));
    }
    JsonObject state =
        Json.object()
            .add("attestationId", Json.str(init, "attestationId"))
            .add("initializedAt", Json.str(init, "initializedAt"))
            .add("workflow", Json.obj(init, "workflow"))
            .add("organization", Json.str(init, "organization"))
            .add("contractName", Json.str(init, "contractName"))
            .add("contractRevision", Json.num(init, "contractRevision", 1))
            .add(
                "contractMaterials",
                init.get("materials") instanceof jakarta.json.JsonArray a
                    ? a
                    : jakarta.json.JsonValue.EMPTY_JSON_ARRAY)
            .add("runnerType", runner.type() == null ? "" : runner.type())
            .add("runnerUrl", runner.url() == null ? "" : runner.url())
            .add(
                "annotations", AttestationView.annotations(ctx.flags().strings("annotation"), null))
            .add("materials", jakarta.json.JsonValue.EMPTY_JSON_ARRAY)
            .add("dryRun", dryRun)
            .add("remoteState", ctx.flags().bool("remote-state"))
            .build();
    if (ctx.flags().bool("remote-state")) {
      AttestationView.saveRemote(ctx, Json.str(state, "attestationId"), state, null);
    }
    LocalState.write(path, state);
    if (dryRun) {
      ctx.log()
          .info(
              "The attestation is being crafted in dry-run mode. It will not get stored once rendered");
    }
    ctx.log().info("Attestation initialized! now you can check its status or add materials to it");
    if (ctx.jsonOutput()) {
      ctx.printJson(AttestationView.statusJson(state, null));
    } else {
      ctx.print(AttestationView.status(state, null));
      if (!state.getJsonArray("contractMaterials").isEmpty()) {
        ctx.print(AttestationView.materials(state, false));
      }
    }
  }
}
