package dev.chainloop.ee.cli.commands.workflow;

import dev.chainloop.ee.cli.client.model.LastRun;
import dev.chainloop.ee.cli.client.model.Workflow;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Table;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Table rendering and lookups shared by the workflow verbs. */
public final class WorkflowView {
  private static final Map<String, String> RUNNERS =
      Map.of(
          "GITHUB_ACTION", "GitHub",
          "GITLAB_PIPELINE", "GitLab",
          "AZURE_PIPELINE", "Azure Pipeline",
          "JENKINS_JOB", "Jenkins Job",
          "CIRCLECI_BUILD", "CircleCI Build",
          "DAGGER_PIPELINE", "Dagger Pipeline",
          "TEAMCITY_PIPELINE", "TeamCity Pipeline",
          "TEKTON_PIPELINE", "Tekton Pipeline",
          "CHAINLOOP_SANDBOX", "Chainloop Sandbox",
          "RUNNER_TYPE_UNSPECIFIED", "Unspecified");

  private static final Map<String, String> STATES =
      Map.of(
          "initialized", "in progress",
          "success", "success",
          "error", "failed",
          "canceled", "canceled",
          "expired", "expired");

  private static final Map<String, String> RUN_STATUSES =
      Map.of(
          "INITIALIZED", "in progress",
          "SUCCEEDED", "success",
          "FAILED", "failed",
          "CANCELLED", "canceled",
          "EXPIRED", "expired");

  private WorkflowView() {}

  public static Table table(List<Workflow> workflows, boolean full) {
    Table t =
        full
            ? Table.withHeader(
                "ID",
                "Name",
                "Description",
                "Project",
                "Team",
                "Contract",
                "Created At",
                "Runner",
                "Last Run Status")
            : Table.withHeader("ID", "Name", "Project", "Created At", "Runner", "Last Run Status");
    for (Workflow wf : workflows) {
      LastRun run = wf.lastRun();
      String runner = run.isEmpty() ? "" : runner(run.runnerType());
      String state = run.isEmpty() ? "" : state(run.state());
      String created = Dates.rfc822(wf.createdAt());
      if (full) {
        String contract = wf.contractName();
        Optional<Integer> revision = wf.contractRevisionLatest();
        if (!contract.isEmpty() && revision.isPresent()) {
          contract += " (rev " + revision.get() + ")";
        }
        t.row(
            wf.id(),
            wf.name(),
            wf.description(),
            wf.project(),
            wf.team(),
            contract,
            created,
            runner,
            state);
      } else {
        t.row(wf.id(), wf.name(), wf.project(), created, runner, state);
      }
    }
    return t;
  }

  /** A runner type as upstream prints it ("GitHub", "Jenkins Job"), empty when there is none. */
  public static String runner(String type) {
    if (type == null || type.isEmpty()) {
      return "";
    }
    return RUNNERS.getOrDefault(type, "Unknown");
  }

  static String state(String state) {
    return STATES.getOrDefault(state, state.isEmpty() ? "" : "unspecified");
  }

  /**
   * A run's status as upstream's {@code workflow run list} prints it: the API's INITIALIZED,
   * SUCCEEDED, FAILED, CANCELLED and EXPIRED become "in progress", "success", "failed", "canceled"
   * and "expired".
   */
  public static String runStatus(String status) {
    return RUN_STATUSES.getOrDefault(status, status.isEmpty() ? "" : "unspecified");
  }

  /** The workflow by name (project optional when the name is unique). */
  static Workflow find(CliContext ctx, String name, String project) {
    return ctx.api().workflowByName(name, project == null ? "" : project);
  }
}
