package dev.chainloop.ee.apitoken;

import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.project.ProjectRef;
import java.util.Objects;
import java.util.Optional;

/**
 * What a token is confined to: its whole organization (a global token), one project of it, or one
 * workflow of a project (robot accounts).
 */
public record TokenScope(
    String organizationId, Level level, Optional<ProjectRef> project, Optional<String> workflowId) {

  /** How far a token reaches; the words are those of the API's {@code scope} filter and field. */
  public enum Level {
    GLOBAL("global"),
    PROJECT("project"),
    WORKFLOW("workflow");

    private final String wire;

    Level(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    /** A listing's {@code scope} parameter: blank for no filter, else project or global. */
    static Optional<Level> filter(String text) {
      if (text == null || text.isBlank()) {
        return Optional.empty();
      }
      String value = text.trim();
      if (value.equals(PROJECT.wire)) {
        return Optional.of(PROJECT);
      }
      if (value.equals(GLOBAL.wire)) {
        return Optional.of(GLOBAL);
      }
      throw new InvalidInputException("scope", "must be project or global");
    }
  }

  public TokenScope {
    Objects.requireNonNull(organizationId, "organization id");
    Objects.requireNonNull(level, "level");
    if (project.isPresent() == (level == Level.GLOBAL)
        || workflowId.isPresent() != (level == Level.WORKFLOW)) {
      throw new IllegalArgumentException("inconsistent token scope " + level);
    }
  }

  public static TokenScope organization(String organizationId) {
    return new TokenScope(organizationId, Level.GLOBAL, Optional.empty(), Optional.empty());
  }

  public static TokenScope project(String organizationId, ProjectRef project) {
    return new TokenScope(organizationId, Level.PROJECT, Optional.of(project), Optional.empty());
  }

  public static TokenScope workflow(String organizationId, ProjectRef project, String workflowId) {
    return new TokenScope(
        organizationId, Level.WORKFLOW, Optional.of(project), Optional.of(workflowId));
  }

  /** As the API shows it: {@code global}, {@code project/<name>} or {@code workflow/<id>}. */
  public String wire() {
    return switch (level) {
      case GLOBAL -> Level.GLOBAL.wire;
      case PROJECT -> Level.PROJECT.wire + "/" + project.orElseThrow().name();
      case WORKFLOW -> Level.WORKFLOW.wire + "/" + workflowId.orElseThrow();
    };
  }

  /** The part of a token's unique key that names its scope. */
  String key() {
    return switch (level) {
      case GLOBAL -> "org";
      case PROJECT -> "p:" + project.orElseThrow().id();
      case WORKFLOW -> "wf:" + workflowId.orElseThrow();
    };
  }
}
