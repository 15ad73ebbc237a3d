package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/** A project version, alone or on a run. */
@ApiSchema("ProjectVersionView")
public final class ProjectVersion extends ApiObject {
  public ProjectVersion(JsonObject json) {
    super(json);
  }

  public String id() {
    return string("id");
  }

  public String version() {
    return string("version");
  }

  public boolean prerelease() {
    return bool("prerelease");
  }

  public boolean latest() {
    return bool("latest");
  }

  public Optional<Instant> createdAt() {
    return instant("createdAt");
  }

  public Optional<Instant> releasedAt() {
    return instant("releasedAt");
  }

  /** Upstream's rendering in run tables: {@code v1.2.0 (prerelease)}, or the bare name. */
  public String label() {
    if (version().isEmpty()) {
      return "";
    }
    return prerelease() ? version() + " (prerelease)" : version();
  }
}
