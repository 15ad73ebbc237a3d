package dev.chainloop.ee.cli.commands.attestation;

import dev.chainloop.ee.cli.attestation.CraftingState;
import dev.chainloop.ee.cli.attestation.LocalState;
import dev.chainloop.ee.cli.attestation.Runners;
import dev.chainloop.ee.cli.client.model.AttestationInit;
import dev.chainloop.ee.cli.client.model.InitRequest;
import dev.chainloop.ee.cli.client.model.WorkflowInfo;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.framework.UsageException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
    boolean remote = ctx.flags().bool("remote-state");
    CraftingState state;
    Map<String, String> annotations =
        AttestationView.annotations(ctx.flags().strings("annotation"), Map.of());
    String runnerType = runner.type() == null ? "" : runner.type();
    String runnerUrl = runner.url() == null ? "" : runner.url();
    if (dryRun) {
      state =
          new CraftingState(
              "",
              Instant.now(ctx.clock()).toString(),
              WorkflowInfo.of(workflow, ctx.flags().string("project")),
              "",
              "",
              Math.max(revision, 1),
              List.of(),
              runnerType,
              runnerUrl,
              annotations,
              List.of(),
              true,
              remote);
    } else {
      AttestationInit init =
          ctx.api()
              .initAttestation(
                  new InitRequest(
                      workflow,
                      revision,
                      ctx.flags().nonBlank("project").map(String::trim).orElse(null),
                      runner.type(),
                      runner.url()));
      state =
          new CraftingState(
              init.attestationId(),
              init.initializedAt().map(Instant::toString).orElse(""),
              init.workflow(),
              init.organization(),
              init.contractName(),
              init.contractRevision().orElse(1),
              init.materials(),
              runnerType,
              runnerUrl,
              annotations,
              List.of(),
              false,
              remote);
      state =
          state.withContractTerms(
              AttestationView.contractAnnotations(init.annotations()),
              AttestationView.allowedEnvVars(init.envAllowList(), ctx.env()));
    }
    if (remote) {
      AttestationView.saveRemote(ctx, state.attestationId(), state, null);
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
      if (!state.contractMaterials().isEmpty()) {
        ctx.print(AttestationView.materials(state, false));
      }
    }
  }
}
