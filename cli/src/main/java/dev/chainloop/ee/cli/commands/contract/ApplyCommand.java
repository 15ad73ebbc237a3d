package dev.chainloop.ee.cli.commands.contract;

import dev.chainloop.ee.cli.client.model.Applied;
import dev.chainloop.ee.cli.client.model.ApplyContractRequest;
import dev.chainloop.ee.cli.client.model.ApplyPolicyRequest;
import dev.chainloop.ee.cli.client.model.PolicyApplied;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** {@code chainloop apply -f FILE|DIR}: creates or updates the resources the documents describe. */
public final class ApplyCommand extends LeafCommand {
  private static final Pattern KIND = Pattern.compile("(?m)^kind:\\s*[\"']?([A-Za-z]+)[\"']?\\s*$");
  private static final Pattern JSON_KIND = Pattern.compile("\"kind\"\\s*:\\s*\"([A-Za-z]+)\"");

  @Override
  public String name() {
    return "apply";
  }

  @Override
  public String shortDescription() {
    return "Apply resources (contracts, policies, policy groups) from YAML or JSON files";
  }

  @Override
  public String example() {
    return """
          # Create or update the contracts of a multi-document YAML file
          chainloop apply -f contracts.yaml""";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("file", "file or directory with the resources to apply").shorthand("f").required();
    flags.string("project", "project to scope newly created contracts to");
  }

  @Override
  public void run(CliContext ctx) {
    List<String> documents = documents(ctx.flags().string("file"));
    for (String doc : documents) {
      String kind = kind(doc);
      if (!kind.equals("Contract") && !kind.equals("Policy") && !kind.equals("PolicyGroup")) {
        throw new CliException(
            "unsupported kind \""
                + kind
                + "\": only Contract, Policy and PolicyGroup can be applied");
      }
    }
    // Policies first, then groups: the groups and contracts of the same files may refer to them.
    applyEach(ctx, documents, "Policy", d -> ctx.api().applyPolicy(new ApplyPolicyRequest(d)));
    applyEach(
        ctx, documents, "PolicyGroup", d -> ctx.api().applyPolicyGroup(new ApplyPolicyRequest(d)));
    for (String doc : documents) {
      if (!kind(doc).equals("Contract")) {
        continue;
      }
      Applied result =
          ctx.api()
              .applyContract(
                  new ApplyContractRequest(
                      doc, ctx.flags().nonBlank("project").map(String::trim).orElse(null)));
      String name = result.contract().name();
      String verb = result.status().equals("UNCHANGED") ? "unchanged" : "applied";
      ctx.log().info("Contract/" + name + " " + verb);
    }
  }

  private static void applyEach(
      CliContext ctx, List<String> documents, String kind, Function<String, PolicyApplied> apply) {
    for (String doc : documents) {
      if (kind(doc).equals(kind)) {
        PolicyApplied result = apply.apply(doc);
        String verb = result.status().equals("UNCHANGED") ? "unchanged" : "applied";
        ctx.log().info(kind + "/" + result.policy().name() + " " + verb);
      }
    }
  }

  /**
   * The documents of a file, or of the YAML and JSON files of a directory (sorted by name); shared
   * with {@code workflow contract apply}.
   */
  static List<String> documents(String location) {
    List<String> documents = new ArrayList<>();
    for (Path file : files(Path.of(location.trim()))) {
      documents.addAll(Documents.split(read(file)));
    }
    if (documents.isEmpty()) {
      throw new CliException("no resources found in " + location);
    }
    return documents;
  }

  private static String kind(String doc) {
    Matcher m = KIND.matcher(doc);
    if (m.find()) {
      return m.group(1);
    }
    Matcher j = JSON_KIND.matcher(doc);
    if (j.find()) {
      return j.group(1);
    }
    throw new CliException(
        "a document has no kind: every resource needs one, e.g. \"kind: Contract\"");
  }

  private static List<Path> files(Path location) {
    if (!Files.exists(location)) {
      throw new CliException("file " + location + " not found");
    }
    if (!Files.isDirectory(location)) {
      return List.of(location);
    }
    try (Stream<Path> entries = Files.list(location)) {
      return entries
          .filter(p -> p.toString().matches(".*\\.(ya?ml|json)$"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new CliException("cannot list " + location + ": " + e.getMessage(), e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
