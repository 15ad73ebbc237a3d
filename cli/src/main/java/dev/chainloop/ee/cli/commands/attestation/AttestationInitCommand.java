package dev.chainloop.ee.cli.commands.attestation;

import dev.chainloop.ee.cli.attestation.AiAgentConfigs;
import dev.chainloop.ee.cli.attestation.CraftingState;
import dev.chainloop.ee.cli.attestation.DotChainloopConfig;
import dev.chainloop.ee.cli.attestation.GitHead;
import dev.chainloop.ee.cli.attestation.LocalState;
import dev.chainloop.ee.cli.attestation.Material;
import dev.chainloop.ee.cli.attestation.Runners;
import dev.chainloop.ee.cli.client.model.AttestationInit;
import dev.chainloop.ee.cli.client.model.CiJob;
import dev.chainloop.ee.cli.client.model.InitRequest;
import dev.chainloop.ee.cli.client.model.WorkflowInfo;
import dev.chainloop.ee.cli.commands.workflow.ContractSource;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.framework.UsageException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class AttestationInitCommand extends LeafCommand {
  @Override
  public boolean acceptsCiIdentity() {
    return true;
  }

  /** Upstream's only optional collector. */
  private static final String AI_CONFIG_COLLECTOR = "aiconfig";

  /** Upstream's annotation for pull/merge request builds ({@code --pr}). */
  static final String PULL_REQUEST_ANNOTATION = "chainloop.dev/is-pull-request";

  /** {@code --version} and its companions, checked as upstream's init checks them. */
  record VersionFlags(
      String name, boolean latest, boolean existing, boolean release, Boolean markLatest) {
    static VersionFlags of(CliContext ctx) {
      boolean latest = ctx.flags().bool("latest-version");
      String name = ctx.flags().nonBlank("version").map(String::trim).orElse(null);
      if (name == null && !latest) {
        name = DotChainloopConfig.projectVersion(Path.of("")).orElse(null);
      }
      boolean markLatestSet = ctx.flags().isSet("mark-latest");
      if (latest && name != null) {
        throw new UsageException("--latest-version and --version are mutually exclusive");
      }
      if (markLatestSet && latest) {
        throw new UsageException("--mark-latest and --latest-version are mutually exclusive");
      }
      if (name == null && ctx.flags().bool("release")) {
        throw new UsageException("project version is required when using --release");
      }
      if (name == null && ctx.flags().bool("existing-version")) {
        throw new UsageException("project version is required when using --existing-version");
      }
      return new VersionFlags(
          name,
          latest,
          ctx.flags().bool("existing-version"),
          ctx.flags().bool("release"),
          markLatestSet ? ctx.flags().bool("mark-latest") : null);
    }
  }

  /** {@code --contract}: an existing contract's name, or a file or URL holding a new one. */
  record NewWorkflowContract(String name, String body) {
    static NewWorkflowContract of(String value) {
      if (value.isEmpty()) {
        return new NewWorkflowContract(null, null);
      }
      return ContractSource.read(value)
          .map(body -> new NewWorkflowContract(null, body))
          .orElse(new NewWorkflowContract(value, null));
    }
  }

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
    flags.string(
        "contract",
        "name of an existing contract or the path/URL to a contract file, to attach it to the"
            + " auto-created workflow (it doesn't update an existing one)");
    flags.string("version", "project version, i.e 0.1.0");
    flags.bool(
        "latest-version", "use the latest existing project version instead of specifying one");
    flags.bool("release", "promote the provided version as a release");
    flags.bool("existing-version", "return an error if the version doesn't exist in the project");
    flags
        .bool(
            "mark-latest",
            "explicitly mark the project version as latest (default: automatic for new versions;"
                + " use =false to skip promotion)")
        .defaultValue("true");
    flags.strings(
        "collectors", "comma-separated list of additional collectors to enable (e.g. aiconfig)");
    flags.bool(
        "pr",
        "mark this attestation as a pull/merge request build (sets the"
            + " chainloop.dev/is-pull-request annotation; auto-detected from CI env if not set)");
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
    VersionFlags version = VersionFlags.of(ctx);
    List<String> collectors = ctx.flags().strings("collectors");
    for (String c : collectors) {
      if (!c.equals(AI_CONFIG_COLLECTOR)) {
        throw new UsageException(
            "unknown collector \"" + c + "\", valid options: " + AI_CONFIG_COLLECTOR);
      }
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
    boolean pullRequest =
        ctx.flags().isSet("pr") ? ctx.flags().bool("pr") : Runners.isPullRequest(ctx.env());
    if (pullRequest) {
      annotations.put(PULL_REQUEST_ANNOTATION, "true");
    }
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
              remote,
              Map.of(),
              Map.of());
    } else {
      NewWorkflowContract contract = NewWorkflowContract.of(ctx.flags().string("contract").trim());
      AttestationInit init =
          ctx.api()
              .initAttestation(
                  new InitRequest(
                      workflow,
                      revision,
                      ctx.flags().nonBlank("project").map(String::trim).orElse(null),
                      runner.type(),
                      runner.url(),
                      version.name(),
                      version.latest() ? Boolean.TRUE : null,
                      version.existing() ? Boolean.TRUE : null,
                      version.release() ? Boolean.TRUE : null,
                      version.markLatest(),
                      contract.name(),
                      contract.body()));
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
              remote,
              Map.of(),
              Map.of());
      state =
          state.withContractTerms(
              AttestationView.contractAnnotations(init.annotations()),
              AttestationView.allowedEnvVars(init.envAllowList(), ctx.env()));
      state = withCiIdentity(state, init.ciIdentity());
    }
    if (collectors.contains(AI_CONFIG_COLLECTOR)) {
      state = collectAiAgentConfigs(ctx, state);
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

  /**
   * The aiconfig collector, best effort as upstream's: one CHAINLOOP_AI_AGENT_CONFIG material per
   * AI coding agent whose configuration is in the working directory; a failure is one WRN line,
   * never a failed init.
   */
  /**
   * The statement records the CI job the control plane verified (a federated credential's), under
   * {@code chainloop.ci.*} annotations of the predicate.
   */
  private static CraftingState withCiIdentity(CraftingState state, CiJob ci) {
    if (ci.isEmpty()) {
      return state;
    }
    Map<String, String> annotations = new LinkedHashMap<>(state.annotations());
    Map.of(
            "chainloop.ci.issuer", ci.issuer(),
            "chainloop.ci.subject", ci.subject(),
            "chainloop.ci.repository", ci.repository(),
            "chainloop.ci.ref", ci.ref(),
            "chainloop.ci.workflow", ci.workflow(),
            "chainloop.ci.run_id", ci.runId())
        .forEach(
            (name, value) -> {
              if (!value.isEmpty()) {
                annotations.put(name, value);
              }
            });
    return state.withAnnotations(annotations);
  }

  private static CraftingState collectAiAgentConfigs(CliContext ctx, CraftingState state) {
    Path dir = Path.of("").toAbsolutePath();
    try {
      Map<String, JsonObject> found = AiAgentConfigs.collect(dir, GitHead.read(dir));
      if (found.isEmpty()) {
        ctx.log().debug("no AI agent configuration files found");
        return state;
      }
      List<Material> materials = new ArrayList<>(state.materials());
      Path tmp = Files.createTempDirectory("chainloop-aiconfig");
      for (Map.Entry<String, JsonObject> e : found.entrySet()) {
        String name = "ai-agent-config-" + e.getKey();
        Path file = Files.writeString(tmp.resolve(name + ".json"), e.getValue().toString());
        AttestationAddCommand.StoredFile stored =
            AttestationAddCommand.StoredFile.of(ctx, state, file);
        materials.removeIf(m -> m.name().equals(name));
        materials.add(
            new Material(
                name,
                "CHAINLOOP_AI_AGENT_CONFIG",
                file.toString(),
                false,
                Map.of(),
                stored.filename(),
                stored.size(),
                stored.uploaded(),
                stored.digest(),
                JsonValue.EMPTY_JSON_ARRAY,
                Map.of()));
        ctx.log().info("collected the AI agent configuration of " + e.getKey());
      }
      return state.withMaterials(materials);
    } catch (IOException | CliException e) {
      ctx.log().warn("could not collect the AI agent configuration: " + e.getMessage());
      return state;
    }
  }
}
