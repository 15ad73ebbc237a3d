package dev.chainloop.ee.cli.commands.project;

import dev.chainloop.ee.cli.client.model.ProjectVersion;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;

public final class ProjectVersionDescribeCommand extends LeafCommand {
  @Override
  public String name() {
    return "describe";
  }

  @Override
  public String shortDescription() {
    return "Describe a version of a project";
  }

  @Override
  public String example() {
    return """
          chainloop project version describe --project core --name v1.2.0""";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("project", "project name").required();
    flags.string("name", "version name, e.g. v1.2.0").required();
  }

  @Override
  public void run(CliContext ctx) {
    String project = ctx.flags().string("project").trim();
    ProjectVersion v = ctx.api().projectVersion(project, ctx.flags().string("name").trim());
    if (ctx.jsonOutput()) {
      ctx.printJson(v);
      return;
    }
    ctx.print(ProjectVersionView.describe(project, v));
  }
}
