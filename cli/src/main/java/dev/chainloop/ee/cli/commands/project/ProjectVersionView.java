package dev.chainloop.ee.cli.commands.project;

import dev.chainloop.ee.cli.client.model.ProjectVersion;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Table;
import java.util.List;

/** The tables of the {@code project version} verbs. */
final class ProjectVersionView {
  private ProjectVersionView() {}

  static Table list(List<ProjectVersion> versions) {
    Table t =
        Table.withHeader("ID", "Version", "Prerelease", "Latest", "Created At", "Released At");
    for (ProjectVersion v : versions) {
      t.row(
          v.id(),
          v.version(),
          v.prerelease(),
          v.latest(),
          Dates.rfc822(v.createdAt()),
          Dates.rfc822(v.releasedAt()));
    }
    return t;
  }

  static Table describe(String project, ProjectVersion v) {
    return Table.describe()
        .title("Project Version")
        .row("ID", v.id())
        .row("Project", project)
        .row("Version", v.version())
        .row("Prerelease", v.prerelease())
        .row("Latest", v.latest())
        .row("Created At", Dates.rfc822(v.createdAt()))
        .row("Released At", Dates.rfc822(v.releasedAt()));
  }
}
