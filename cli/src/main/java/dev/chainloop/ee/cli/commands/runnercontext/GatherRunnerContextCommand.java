package dev.chainloop.ee.cli.commands.runnercontext;

import dev.chainloop.ee.cli.Version;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code chainloop gather-runner-context}: writes how the runner's repository is protected (branch
 * protection, rulesets, repository settings) to a CHAINLOOP_RUNNER_CONTEXT document for {@code
 * attestation add}, as upstream's SCM configuration check does. GitHub Actions runners only: the
 * repository and API come from {@code GITHUB_REPOSITORY} and {@code GITHUB_API_URL}.
 */
public final class GatherRunnerContextCommand extends LeafCommand {
  static final String DEFAULT_OUTPUT = "runner-context.json";

  @Override
  public String name() {
    return "gather-runner-context";
  }

  @Override
  public String shortDescription() {
    return "Gather the runner's repository configuration (branch protection, rulesets)";
  }

  @Override
  public String example() {
    return """
          chainloop gather-runner-context --runner-token $TOKEN --branches=main
          chainloop attestation add --name runner-context --value ./runner-context.json \\
            --kind CHAINLOOP_RUNNER_CONTEXT""";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags
        .string(
            "runner-token",
            "token to read the repository configuration with (e.g. a GitHub App installation"
                + " token with contents and metadata read permissions)")
        .required();
    flags.strings("branches", "branches whose protection to record (comma-separated)");
    flags
        .string("output-file", "where to write the runner context document")
        .defaultValue(DEFAULT_OUTPUT);
    flags.string(
        "repository", "owner/name of the repository (default: $GITHUB_REPOSITORY of the runner)");
  }

  @Override
  public void run(CliContext ctx) {
    Map<String, String> env = ctx.env();
    if (!env.containsKey("GITHUB_ACTIONS")) {
      throw new CliException(
          "gather-runner-context reads the repository of a GitHub Actions runner, and"
              + " GITHUB_ACTIONS is not set");
    }
    String fullName =
        ctx.flags().nonBlank("repository").orElse(env.getOrDefault("GITHUB_REPOSITORY", ""));
    int slash = fullName.indexOf('/');
    if (slash <= 0 || slash == fullName.length() - 1 || fullName.indexOf('/', slash + 1) >= 0) {
      throw new CliException(
          "the repository must be owner/name (--repository or GITHUB_REPOSITORY), got \""
              + fullName
              + "\"");
    }
    List<String> branches = ctx.flags().strings("branches");
    URI api = URI.create(env.getOrDefault("GITHUB_API_URL", "https://api.github.com"));
    JsonObject document =
        new GitHubRunnerContext(api, ctx.flags().string("runner-token"))
            .gather(
                fullName.substring(0, slash),
                fullName.substring(slash + 1),
                branches,
                "chainloop-cli@" + Version.CLIENT);
    Path out = Path.of(ctx.flags().string("output-file"));
    try (Writer w = Files.newBufferedWriter(out);
        JsonWriter json =
            Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(w)) {
      json.writeObject(document);
    } catch (IOException e) {
      throw new CliException("cannot write " + out + ": " + e.getMessage(), e);
    }
    ctx.log().info("runner context written to " + out);
  }
}
