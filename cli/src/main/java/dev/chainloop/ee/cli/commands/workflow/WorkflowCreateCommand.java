package dev.chainloop.ee.cli.commands.workflow;

import dev.chainloop.ee.cli.client.ApiException;
import dev.chainloop.ee.cli.client.model.CreateWorkflowRequest;
import dev.chainloop.ee.cli.client.model.Workflow;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.NamedCommand;
import java.util.List;

public final class WorkflowCreateCommand extends NamedCommand {
  public WorkflowCreateCommand() {
    super("workflow name");
  }

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
  protected void defineOtherFlags(FlagSet flags) {
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
  protected void run(CliContext ctx, String name) {
    String project = ctx.flags().string("project").trim();
    // --contract is a file or URL holding a new contract's body, else an existing contract's name
    String contract = ctx.flags().nonBlank("contract").map(String::trim).orElse(null);
    String contractBody = contract == null ? null : ContractSource.read(contract).orElse(null);
    boolean robot = !ctx.flags().bool("skip-robot-account-create");
    CreateWorkflowRequest request =
        new CreateWorkflowRequest(
            name,
            project,
            ctx.flags().nonBlank("description").orElse(null),
            ctx.flags().nonBlank("team").orElse(null),
            contractBody == null ? contract : null,
            contractBody,
            robot);

    Workflow created;
    try {
      created = ctx.api().createWorkflow(request);
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
    String key = created.robotAccountKey();
    if (robot && !key.isEmpty()) {
      ctx.out()
          .printf(
              "%nThis is the robot account key of the workflow, save it since it will not be"
                  + " shown again:%n%n%s%n",
              key);
    }
  }
}
