package dev.chainloop.ee.cli.commands.project;

import dev.chainloop.ee.cli.client.model.ProjectVersion;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.framework.FlagSet;
import dev.chainloop.ee.cli.framework.LeafCommand;
import java.util.List;

public final class ProjectVersionListCommand extends LeafCommand {
  @Override
  public String name() {
    return "list";
  }

  @Override
  public List<String> aliases() {
    return List.of("ls");
  }

  @Override
  public String shortDescription() {
    return "List the versions of a project, newest first";
  }

  @Override
  public String example() {
    return """
          chainloop project version list --project core""";
  }

  @Override
  public void defineFlags(FlagSet flags) {
    flags.string("project", "project name").required();
  }

  @Override
  public void run(CliContext ctx) {
    String project = ctx.flags().string("project").trim();
    List<ProjectVersion> versions = ctx.api().projectVersions(project);
    if (ctx.jsonOutput()) {
      ctx.printJson(versions);
      return;
    }
    if (versions.isEmpty()) {
      ctx.out().println("there are no versions in project \"" + project + "\" yet");
      return;
    }
    ctx.print(ProjectVersionView.list(versions));
  }
}
