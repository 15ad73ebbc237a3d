package dev.chainloop.ee.cli.commands.workflow;

import static dev.chainloop.ee.cli.client.Json.obj;
import static dev.chainloop.ee.cli.client.Json.str;

import dev.chainloop.ee.cli.client.ApiClient;
import dev.chainloop.ee.cli.client.Json;
import dev.chainloop.ee.cli.framework.CliContext;
import dev.chainloop.ee.cli.output.Dates;
import dev.chainloop.ee.cli.output.Table;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;

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

  private WorkflowView() {}

  public static Table table(List<JsonObject> workflows, boolean full) {
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
    for (JsonObject wf : workflows) {
      JsonObject run = obj(wf, "lastRun");
      String runner = run.isEmpty() ? "" : runner(str(run, "runnerType"));
      String state = run.isEmpty() ? "" : state(str(run, "state"));
      String created = Dates.rfc822(str(wf, "createdAt"));
      if (full) {
        String contract = str(wf, "contractName");
        if (!contract.isEmpty() && wf.containsKey("contractRevisionLatest")) {
          contract += " (rev " + str(wf, "contractRevisionLatest") + ")";
        }
        t.row(
            str(wf, "id"),
            str(wf, "name"),
            str(wf, "description"),
            str(wf, "project"),
            str(wf, "team"),
            contract,
            created,
            runner,
            state);
      } else {
        t.row(str(wf, "id"), str(wf, "name"), str(wf, "project"), created, runner, state);
      }
    }
    return t;
  }

  static String runner(String type) {
    if (type == null || type.isEmpty()) {
      return "";
    }
    return RUNNERS.getOrDefault(type, "Unknown");
  }

  static String state(String state) {
    return STATES.getOrDefault(state, state.isEmpty() ? "" : "unspecified");
  }

  /** The workflow by name (project optional when the name is unique). */
  static JsonObject find(CliContext ctx, String name, String project) {
    return Json.asObject(
        ctx.api()
            .get(
                "/api/v1/workflows/by-name/" + ApiClient.segment(name),
                Map.of("project", project == null ? "" : project)));
  }
}
