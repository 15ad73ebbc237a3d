package dev.chainloop.ee.contract;

import java.util.Optional;

/**
 * The CI systems a run can come from, named as upstream Chainloop names them. A contract may
 * require one ({@code runner.type}); a run records the one it ran on.
 */
public enum RunnerType {
  /** Upstream's zero value: the client did not tell. Not a runner a contract may require. */
  UNSPECIFIED("RUNNER_TYPE_UNSPECIFIED"),
  GITHUB_ACTION("GITHUB_ACTION"),
  GITLAB_PIPELINE("GITLAB_PIPELINE"),
  AZURE_PIPELINE("AZURE_PIPELINE"),
  JENKINS_JOB("JENKINS_JOB"),
  CIRCLECI_BUILD("CIRCLECI_BUILD"),
  DAGGER_PIPELINE("DAGGER_PIPELINE"),
  TEAMCITY_PIPELINE("TEAMCITY_PIPELINE"),
  TEKTON_PIPELINE("TEKTON_PIPELINE"),
  CHAINLOOP_SANDBOX("CHAINLOOP_SANDBOX");

  private final String wire;

  RunnerType(String wire) {
    this.wire = wire;
  }

  /** The name on the wire and in the database. */
  public String wire() {
    return wire;
  }

  /** The runner type spelled exactly {@code wire}, if there is one. */
  public static Optional<RunnerType> parse(String wire) {
    for (RunnerType type : values()) {
      if (type.wire.equals(wire)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
