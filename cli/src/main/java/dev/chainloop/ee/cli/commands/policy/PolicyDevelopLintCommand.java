package dev.chainloop.ee.cli.commands.policy;

import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.output.Table;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code policy develop lint}: checks a policy document and compiles its CEL rules as the server
 * does when it is applied, listing every issue; exits non-zero when there is one.
 */
public final class PolicyDevelopLintCommand extends LeafCommand {
  @Override
  public String name() {
    return "lint";
  }

  @Override
  public String shortDescription() {
    return "Lint chainloop policy structure and content";
  }

  @Override
  public String longDescription() {
    return """
        Performs comprehensive validation of a policy file:
        - the document (apiVersion, kind, metadata.name, inputs, rules)
        - each rule's CEL program, compiled as the control plane compiles it (Rego is refused)""";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("policy", "Path to policy file").shorthand("p").defaultValue("policy.yaml");
  }

  @Override
  public void run(CliContext ctx) {
    List<String> issues = LocalPolicies.lint(Path.of(ctx.flags().string("policy")));
    if (issues.isEmpty()) {
      ctx.log().info("policy is valid!");
      return;
    }
    if (ctx.jsonOutput()) {
      JsonArrayBuilder errors = Json.createArrayBuilder();
      issues.forEach(errors::add);
      ctx.printJson(Json.createObjectBuilder().add("valid", false).add("errors", errors).build());
    } else {
      Table t = Table.withHeader("#", "Issue");
      for (int i = 0; i < issues.size(); i++) {
        t.row(i + 1, issues.get(i));
      }
      ctx.print(t);
    }
    throw new CliException(issues.size() + " issues found");
  }
}
