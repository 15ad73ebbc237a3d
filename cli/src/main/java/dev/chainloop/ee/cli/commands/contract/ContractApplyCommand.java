package dev.chainloop.ee.cli.commands.contract;

import dev.chainloop.ee.cli.client.ApiException;
import dev.chainloop.ee.cli.client.model.Applied;
import dev.chainloop.ee.cli.client.model.ApplyContractRequest;
import dev.chainloop.ee.cli.client.model.Contract;
import dev.chainloop.ee.cli.client.model.CreateContractRequest;
import dev.chainloop.ee.cli.client.model.UpdateContractRequest;
import dev.chainloop.ee.cli.commands.workflow.ContractSource;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import dev.chainloop.ee.cli.framework.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code chainloop workflow contract apply -f FILE|DIR}: creates each contract or updates it (a
 * changed body becomes a new revision), as upstream's sync_contracts pipeline runs it. Without
 * {@code --name} a contract is named by its {@code metadata.name} and applied like {@code chainloop
 * apply}; with {@code --name} the one document is created or updated under that name.
 */
public final class ContractApplyCommand extends LeafCommand {
  @Override
  public String name() {
    return "apply";
  }

  @Override
  public String shortDescription() {
    return "Apply a contract (create or update)";
  }

  /** Upstream deprecates it for the top-level apply; pipelines that call it keep working. */
  @Override
  public Optional<String> deprecation() {
    return Optional.of("use 'chainloop apply -f <file>' instead");
  }

  @Override
  public String example() {
    return """
          # Create or update the contract named by the file's metadata.name
          chainloop workflow contract apply -f contract.yaml

          # Apply every YAML and JSON contract of a directory
          chainloop workflow contract apply -f contracts/

          # Apply a contract without metadata.name (v1 schema) under an explicit name
          chainloop workflow contract apply -f contract.yaml --name my-contract""";
  }

  @Override
  public List<String> outputFormats() {
    return List.of("table", "json");
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("name", "contract name; defaults to the file's metadata.name");
    flags
        .string("contract", "path or URL to the contract file, or a directory of contract files")
        .shorthand("f");
    flags.string("description", "description of the contract");
    flags.string(
        "project",
        "project name used to scope the contract, if not set the contract will be created in the"
            + " organization");
  }

  @Override
  public void run(CliContext ctx) {
    Optional<String> name = ctx.flags().nonBlank("name").map(String::trim);
    Optional<String> location = ctx.flags().nonBlank("contract").map(String::trim);
    String description =
        ctx.flags().isSet("description") ? ctx.flags().string("description") : null;
    String project = ctx.flags().nonBlank("project").map(String::trim).orElse(null);
    if (name.isEmpty() && location.isEmpty()) {
      throw new UsageException("--contract or --name is required");
    }
    List<String> documents = location.map(ContractApplyCommand::documents).orElse(List.of());
    if (name.isPresent() && documents.size() > 1) {
      throw new UsageException(
          "--name names one contract but "
              + location.get()
              + " holds "
              + documents.size()
              + ": drop --name to use each metadata.name");
    }
    List<Contract> applied = new ArrayList<>();
    if (name.isPresent()) {
      applied.add(
          byName(
              ctx,
              name.get(),
              documents.isEmpty() ? null : documents.get(0),
              description,
              project));
    } else {
      for (String doc : documents) {
        applied.add(byMetadataName(ctx, doc, description, project));
      }
    }
    if (ctx.jsonOutput()) {
      if (applied.size() == 1) {
        ctx.printJson(applied.get(0));
      } else {
        ctx.printJson(applied);
      }
    } else {
      ctx.print(ContractView.list(applied));
    }
  }

  private static List<String> documents(String location) {
    if (location.matches("(?i)https?://.*")) {
      return Documents.split(ContractSource.require(location));
    }
    return ApplyCommand.documents(location);
  }

  /** Upstream's flow: describe the name, then update it (changed = new revision) or create it. */
  private static Contract byName(
      CliContext ctx, String name, String body, String description, String project) {
    Optional<Contract> existing = describe(ctx, name);
    Contract result;
    boolean changed;
    if (existing.isPresent()) {
      if (body == null && description == null) {
        result = existing.get();
        changed = false;
      } else {
        result = ctx.api().updateContract(name, new UpdateContractRequest(description, body));
        changed = !result.latestRevision().equals(existing.get().latestRevision());
      }
    } else {
      result =
          ctx.api().createContract(new CreateContractRequest(name, description, project, body));
      changed = true;
    }
    report(ctx, result.name(), changed);
    return result;
  }

  /** The document names itself: the server's apply creates it or adds a revision if it changed. */
  private static Contract byMetadataName(
      CliContext ctx, String doc, String description, String project) {
    Applied outcome = ctx.api().applyContract(new ApplyContractRequest(doc, project));
    Contract result = outcome.contract();
    if (description != null && !description.equals(result.description())) {
      result =
          ctx.api().updateContract(result.name(), new UpdateContractRequest(description, null));
    }
    report(ctx, result.name(), !outcome.status().equals("UNCHANGED"));
    return result;
  }

  private static Optional<Contract> describe(CliContext ctx, String name) {
    try {
      return Optional.of(ctx.api().contract(name, 0));
    } catch (ApiException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static void report(CliContext ctx, String name, boolean changed) {
    ctx.log().info("Contract/" + name + " " + (changed ? "applied" : "unchanged"));
  }
}
