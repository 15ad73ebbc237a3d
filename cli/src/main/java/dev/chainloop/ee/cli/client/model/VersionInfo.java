package dev.chainloop.ee.cli.client.model;

import jakarta.json.JsonObject;

/** The project version of the run being crafted, as init returned it. */
@ApiSchema("VersionInfo")
public final class VersionInfo extends ApiObject {
  public VersionInfo(JsonObject json) {
    super(json);
  }

  public String version() {
    return string("version");
  }

  public boolean prerelease() {
    return bool("prerelease");
  }

  /** Whether the push releases it ({@code --release}); upstream's spelling. */
  public boolean markAsRelease() {
    return bool("markAsRelease");
  }
}
