package dev.chainloop.ee.cli.attestation;

import java.util.Map;

/** CI runner detection from the environment. */
public final class Runners {
  private Runners() {}

  public record Runner(String type, String url) {}

  public static Runner detect(Map<String, String> env) {
    if (env.containsKey("GITHUB_ACTIONS")) {
      return new Runner(
          "GITHUB_ACTION",
          env.getOrDefault("GITHUB_SERVER_URL", "https://github.com")
              + "/"
              + env.getOrDefault("GITHUB_REPOSITORY", "")
              + "/actions/runs/"
              + env.getOrDefault("GITHUB_RUN_ID", ""));
    }
    if (env.containsKey("GITLAB_CI")) {
      return new Runner("GITLAB_PIPELINE", env.getOrDefault("CI_JOB_URL", ""));
    }
    if (env.containsKey("JENKINS_URL")) {
      return new Runner("JENKINS_JOB", env.getOrDefault("BUILD_URL", ""));
    }
    if (env.containsKey("TF_BUILD")) {
      return new Runner(
          "AZURE_PIPELINE",
          env.getOrDefault("SYSTEM_TEAMFOUNDATIONCOLLECTIONURI", "")
              + env.getOrDefault("SYSTEM_TEAMPROJECT", "")
              + "/_build/results?buildId="
              + env.getOrDefault("BUILD_BUILDID", ""));
    }
    if (env.containsKey("CIRCLECI")) {
      return new Runner("CIRCLECI_BUILD", env.getOrDefault("CIRCLE_BUILD_URL", ""));
    }
    if (env.containsKey("TEKTON_PIPELINE_RUN") || env.containsKey("TEKTON_PIPELINE")) {
      return new Runner("TEKTON_PIPELINE", env.getOrDefault("TEKTON_DASHBOARD_URL", ""));
    }
    if (env.containsKey("TEAMCITY_VERSION")) {
      return new Runner("TEAMCITY_PIPELINE", env.getOrDefault("BUILD_URL", ""));
    }
    return new Runner(null, null);
  }

  /**
   * Whether the environment is a pull/merge request build, as upstream detects it from GitHub's
   * event name and GitLab's merge request variables.
   */
  public static boolean isPullRequest(Map<String, String> env) {
    String event = env.getOrDefault("GITHUB_EVENT_NAME", "");
    return event.equals("pull_request")
        || event.equals("pull_request_target")
        || !env.getOrDefault("CI_MERGE_REQUEST_IID", "").isEmpty();
  }
}
