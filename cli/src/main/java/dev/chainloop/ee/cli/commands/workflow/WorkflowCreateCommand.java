package dev.chainloop.ee.cli.commands.workflow;

import dev.chainloop.ee.cli.client.ApiException;
import dev.chainloop.ee.cli.client.Json;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

public final class WorkflowCreateCommand extends LeafCommand {
  @Override
  public String name() {
    return "create";
  }

  @Override
  public String shortDescription() {
    return "Create a new workflow";
  }

  @Override
  public String example() {
    return """
          chainloop workflow create --name release --project core

          # With a contract from a file, without the legacy robot account
          chainloop workflow create --name release --project core --contract contract.yaml -s""";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("name", "workflow name").required();
    flags.string("project", "project name").required();
    flags.string("description", "workflow description");
    flags.string("team", "team name");
    flags.string(
        "contract",
        "the name of an existing contract, or the path or URL of a contract file;"
            + " a default contract is created if not set");
    flags.bool("skip-robot-account-create", "do not create a robot account").shorthand("s");
    flags.bool("skip-if-exists", "do not fail if the workflow already exists").shorthand("f");
  }

  @Override
  public void run(CliContext ctx) {
    String name = ctx.flags().string("name").trim();
    String project = ctx.flags().string("project").trim();
    JsonObjectBuilder body = Json.object().add("name", name).add("project", project);
    ctx.flags().nonBlank("description").ifPresent(d -> body.add("description", d));
    ctx.flags().nonBlank("team").ifPresent(t -> body.add("team", t));
    ctx.flags()
        .nonBlank("contract")
        .ifPresent(
            c ->
                ContractSource.read(c.trim())
                    .ifPresentOrElse(
                        b -> body.add("contractBody", b), () -> body.add("contract", c.trim())));
    boolean robot = !ctx.flags().bool("skip-robot-account-create");
    body.add("createRobotAccount", robot);

    JsonObject created;
    try {
      created = Json.asObject(ctx.api().post("/api/v1/workflows", body.build()));
    } catch (ApiException e) {
      if (e.status() != 409 || !ctx.flags().bool("skip-if-exists")) {
        throw e;
      }
      ctx.log().info("Workflow \"" + name + "\" already exists in project \"" + project + "\"");
      created = WorkflowView.find(ctx, name, project);
      robot = false;
    }
    if (ctx.jsonOutput()) {
      ctx.printJson(created);
      return;
    }
    ctx.print(WorkflowView.table(List.of(created), false));
    String key = Json.str(created, "robotAccountKey");
    if (robot && !key.isEmpty()) {
      ctx.out()
          .printf(
              "%nThis is the robot account key of the workflow, save it since it will not be"
                  + " shown again:%n%n%s%n",
              key);
    }
  }
}
