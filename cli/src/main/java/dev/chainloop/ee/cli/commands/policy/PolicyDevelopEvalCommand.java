package dev.chainloop.ee.cli.commands.policy;

import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.framework.UsageException;
import dev.chainloop.ee.shared.MaterialKinds;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code policy develop eval}: evaluates a local policy on a local material with the server's
 * engine, without a control plane, and prints the result as JSON (as upstream).
 */
public final class PolicyDevelopEvalCommand extends LeafCommand {
  @Override
  public String name() {
    return "eval";
  }

  @Override
  public String shortDescription() {
    return "Evaluate policy against provided material";
  }

  @Override
  public String longDescription() {
    return """
        Perform a full evaluation of the policy against the provided material type.
        The command checks if there is a rule in the policy for the specified kind and
        evaluates the policy against the provided material or attestation, with the
        engine the control plane runs at push (CEL), locally.""";
  }

  @Override
  public String example() {
    return """
          # Evaluate policy against a material file
          chainloop policy develop eval --policy policy.yaml --material sbom.json --kind SBOM_CYCLONEDX_JSON --annotation key1=value1,key2=value2 --input key3=value3""";
  }

  @Override
  public List<String> outputFormats() {
    return List.of("json");
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags
        .string(
            "material",
            "Path to material or attestation file (a STRING material may be given as its value)")
        .required();
    flags.string(
        "kind",
        "Kind of the material, detected from the file when not set: "
            + String.join(", ", MaterialKinds.ALL)
            + ", ATTESTATION");
    flags.strings("annotation", "Key-value pairs of material annotations (key=value)");
    flags.string("policy", "Path to the policy file").shorthand("p").defaultValue("policy.yaml");
    flags.stringArray("input", "Key-value pairs of policy inputs (key=value)");
  }

  @Override
  public void run(CliContext ctx) {
    ctx.printJson(
        LocalPolicies.eval(
            Path.of(ctx.flags().string("policy")),
            ctx.flags().string("material"),
            ctx.flags().optional("kind").orElse(""),
            pairs("input", ctx.flags().strings("input")),
            pairs("annotation", ctx.flags().strings("annotation"))));
  }

  private static Map<String, String> pairs(String flag, List<String> values) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String v : values) {
      int eq = v.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("invalid --" + flag + " \"" + v + "\": expected key=value");
      }
      out.put(v.substring(0, eq).trim(), v.substring(eq + 1));
    }
    return out;
  }
}
