package dev.chainloop.ee.project;

import java.util.Objects;

/** A project as other features keep it beside their rows: its id and its (immutable) name. */
public record ProjectRef(String id, String name) {
  public ProjectRef {
    Objects.requireNonNull(id, "project id");
    Objects.requireNonNull(name, "project name");
  }
}
