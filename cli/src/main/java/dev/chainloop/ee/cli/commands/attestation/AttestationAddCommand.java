package dev.chainloop.ee.cli.commands.attestation;

import dev.chainloop.ee.cli.attestation.CraftingState;
import dev.chainloop.ee.cli.attestation.Material;
import dev.chainloop.ee.cli.attestation.Materials;
import dev.chainloop.ee.cli.attestation.OciMaterials;
import dev.chainloop.ee.cli.attestation.Statement;
import dev.chainloop.ee.cli.client.ApiException;
import dev.chainloop.ee.cli.client.model.ApiObject;
import dev.chainloop.ee.cli.client.model.MaterialSpec;
import dev.chainloop.ee.cli.client.model.PolicyEvaluation;
import dev.chainloop.ee.cli.commands.policy.PolicyView;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.oci.RegistryClient;
import dev.chainloop.ee.cli.output.Table;
import dev.chainloop.ee.shared.MaterialKinds;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

public final class AttestationAddCommand extends LeafCommand {
  @Override
  public boolean acceptsCiIdentity() {
    return true;
  }

  @Override
  public String name() {
    return "add";
  }

  @Override
  public String shortDescription() {
    return "add a material to the attestation";
  }

  @Override
  public String example() {
    return """
          chainloop attestation add --name sbom --value sbom.cdx.json
          chainloop attestation add --value ./dist/app.tar.gz --kind ARTIFACT""";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags
        .string(
            "value",
            "value to be recorded: a file path, an image reference (name:tag, resolved at its"
                + " registry, or name@sha256:digest), oci://chart:version for a Helm chart in a"
                + " registry, or a string")
        .required();
    flags.string("name", "name of the material as shown in the contract");
    flags.string(
        "kind", "kind of the material to be recorded: " + String.join(", ", MaterialKinds.ALL));
    flags.strings("annotation", "additional annotation in the format of key=value");
    flags.bool(
        "no-strict-validation",
        "skip strict schema validation for structured materials (SBOM_CYCLONEDX_JSON,"
            + " OPENAPI_SPEC, ASYNCAPI_SPEC, OSSF_SCORECARD_JSON)");
    AttestationView.stateFlag(flags);
    AttestationView.attestationIdFlag(flags);
  }

  @Override
  public void run(CliContext ctx) {
    AttestationView.Loaded loaded = AttestationView.load(ctx);
    CraftingState state = loaded.state();
    String value = ctx.flags().string("value");
    String name = ctx.flags().string("name").trim();
    MaterialSpec spec =
        state.contractMaterials().stream()
            .filter(s -> s.name().equals(name))
            .findFirst()
            .orElse(null);
    boolean strict = !ctx.flags().bool("no-strict-validation");
    String kind =
        ctx.flags()
            .nonBlank("kind")
            .map(Materials::normalizeKind)
            .orElseGet(() -> spec != null ? spec.type() : Materials.detect(value, strict));
    Materials.validate(kind, value, strict)
        .ifPresent(
            reason -> {
              throw new CliException("invalid material of kind " + kind + ": " + reason);
            });
    String materialName = name.isEmpty() ? "material-" + System.nanoTime() : name;
    Map<String, String> annotations =
        AttestationView.annotations(ctx.flags().strings("annotation"), Map.of());
    String digest;
    String filename = null;
    Long size = null;
    boolean uploaded = false;
    Map<String, String> recorded = Map.of();
    if (Materials.isFile(kind, value)) {
      StoredFile stored = StoredFile.of(ctx, state, Path.of(value));
      digest = stored.digest();
      filename = stored.filename();
      size = stored.size();
      uploaded = stored.uploaded();
    } else if (Material.isOciReference(kind, value)) {
      OciMaterials.Resolved resolved =
          OciMaterials.resolve(kind, value, RegistryClient.fromEnvironment(ctx.env()));
      digest = resolved.digest();
      recorded = resolved.annotations();
    } else {
      digest = Uploads.sha256(value);
      size = (long) value.getBytes(StandardCharsets.UTF_8).length;
    }
    Material material =
        new Material(
            materialName,
            kind,
            value,
            spec != null && spec.output(),
            annotations,
            filename,
            size,
            uploaded,
            digest,
            JsonValue.EMPTY_JSON_ARRAY,
            recorded);
    List<PolicyEvaluation> evaluations = List.of();
    if (!state.dryRun()) {
      evaluations = evaluatePolicies(ctx, state, material);
      material = material.withPolicyEvaluations(ApiObject.array(evaluations));
    }
    List<Material> materials = new ArrayList<>();
    state.materials().stream().filter(x -> !x.name().equals(materialName)).forEach(materials::add);
    materials.add(material);
    AttestationView.save(ctx, loaded, state.withMaterials(materials));
    ctx.log().info("material(s) added to attestation");
    if (ctx.jsonOutput()) {
      ctx.printJson(material.toJson());
      return;
    }
    Table table =
        Table.describe()
            .row("Name", materialName)
            .row("Type", kind)
            .row("Required", spec != null && !spec.optional() ? "Yes" : "No")
            .row("Is output", material.output() ? "Yes" : "No")
            .row("Value", value)
            .row("Digest", digest)
            .row(
                "Annotations",
                String.join(
                    "\n",
                    annotations.entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue())
                        .toList()));
    if (!evaluations.isEmpty()) {
      table.row("Policy evaluations", "------");
      PolicyView.rows(table, evaluations);
    }
    ctx.print(table);
  }

  /**
   * A file material's digest, name and size, uploaded to the CAS unless the run is a dry run: what
   * {@code add} and the init collectors record.
   */
  record StoredFile(String digest, String filename, long size, boolean uploaded) {
    static StoredFile of(CliContext ctx, CraftingState state, Path file) {
      String digest = Uploads.sha256(file);
      long size;
      try {
        size = Files.size(file);
      } catch (IOException e) {
        throw new CliException("cannot read " + file, e);
      }
      if (!state.dryRun()) {
        Uploads.upload(ctx, file, digest);
      }
      return new StoredFile(digest, file.getFileName().toString(), size, !state.dryRun());
    }
  }

  /**
   * The contract's policies on the material, evaluated by the control plane for early feedback
   * (push evaluates again, authoritatively): one WRN line per violation. Feedback only: a failed
   * evaluation is a warning, never a reason not to add the material.
   */
  private static List<PolicyEvaluation> evaluatePolicies(
      CliContext ctx, CraftingState state, Material material) {
    List<PolicyEvaluation> evaluations;
    try {
      evaluations =
          ctx.api()
              .evaluateMaterialPolicies(state.attestationId(), Statement.descriptor(material))
              .policies();
    } catch (ApiException e) {
      ctx.log()
          .warn(
              "could not evaluate the policies of material "
                  + material.name()
                  + ": "
                  + e.getMessage());
      return List.of();
    }
    for (PolicyEvaluation ev : evaluations) {
      for (String v : ev.violations()) {
        ctx.log()
            .warn(
                "policy "
                    + ev.policy()
                    + (ev.gate() ? " (gate)" : "")
                    + " on "
                    + material.name()
                    + ": "
                    + v);
      }
    }
    return evaluations;
  }
}
