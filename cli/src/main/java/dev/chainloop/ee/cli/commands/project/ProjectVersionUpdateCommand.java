package dev.chainloop.ee.cli.commands.project;

import dev.chainloop.ee.cli.client.model.ProjectVersion;
import dev.chainloop.ee.cli.client.model.UpdateProjectVersionRequest;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;

public final class ProjectVersionUpdateCommand extends LeafCommand {
  @Override
  public String name() {
    return "update";
  }

  @Override
  public String shortDescription() {
    return "Rename a version of a project; its workflow runs keep pointing at it";
  }

  @Override
  public String example() {
    return """
          chainloop project version update --project core --name v1.2.0 --new-name v1.2.0-rc1""";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("project", "project name").required();
    flags.string("name", "current version name").required();
    flags.string("new-name", "new version name").required();
  }

  @Override
  public void run(CliContext ctx) {
    String project = ctx.flags().string("project").trim();
    ProjectVersion updated =
        ctx.api()
            .updateProjectVersion(
                project,
                ctx.flags().string("name").trim(),
                new UpdateProjectVersionRequest(ctx.flags().string("new-name").trim()));
    if (ctx.jsonOutput()) {
      ctx.printJson(updated);
      return;
    }
    ctx.print(ProjectVersionView.describe(project, updated));
    ctx.log().info("Project version updated!");
  }
}
