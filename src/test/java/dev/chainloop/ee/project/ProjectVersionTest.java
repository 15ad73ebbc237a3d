package dev.chainloop.ee.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.project.ProjectVersionService.VersionRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProjectVersionTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private static ProjectVersion v1() {
    return ProjectVersion.prerelease("org", "project", "v1.2.0", true, T0);
  }

  @Test
  void aNewVersionIsALatestPrereleaseNotYetReleased() {
    ProjectVersion v = v1();
    assertThat(v.isPrerelease()).isTrue();
    assertThat(v.isLatest()).isTrue();
    assertThat(v.getReleasedAt()).isNull();
    assertThat(v.view().version()).isEqualTo("v1.2.0");
  }

  @Test
  void releasingKeepsTheFirstReleaseTime() {
    ProjectVersion v = v1();
    v.release(T0.plusSeconds(60));
    v.release(T0.plusSeconds(120));
    assertThat(v.isPrerelease()).isFalse();
    assertThat(v.getReleasedAt()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void aReleasedVersionCannotBePromotedToLatest() {
    ProjectVersion v = ProjectVersion.prerelease("org", "project", "v1", false, T0);
    v.release(T0);
    assertThatThrownBy(v::promote)
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("markLatest: cannot promote a released version to latest");
    assertThat(v.isLatest()).isFalse();
  }

  @Test
  void upstreamVersionNamesAreAcceptedAndOthersNameTheField() {
    for (String ok : new String[] {"1.0.0", "v2.1-alpha", "3.0.0+build.123", "2024.3.12", "v1_b"}) {
      assertThat(ProjectVersion.requireName("version", ok)).isEqualTo(ok);
    }
    for (String bad : new String[] {"", "v 1", "v1/2", "ü", "x".repeat(101)}) {
      assertThatThrownBy(() -> ProjectVersion.requireName("version", bad))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith("version: ");
    }
  }

  @Test
  void renamingValidatesTheNewName() {
    ProjectVersion v = v1();
    v.rename("v1.2.1");
    assertThat(v.getName()).isEqualTo("v1.2.1");
    assertThatThrownBy(() -> v.rename("bad name"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("newName: ");
    assertThat(v.getName()).isEqualTo("v1.2.1");
  }

  @Test
  void initFlagCombinationsUpstreamRefusesNameTheFlag() {
    assertThatThrownBy(() -> new VersionRequest("v1", true, false, false, null))
        .hasMessageStartingWith("latestVersion: ");
    assertThatThrownBy(() -> new VersionRequest(null, true, false, false, true))
        .hasMessageStartingWith("markLatest: ");
    assertThatThrownBy(() -> new VersionRequest(" ", false, false, true, null))
        .hasMessage("release: project version is required when using --release");
    assertThatThrownBy(() -> new VersionRequest(null, false, true, false, null))
        .hasMessage("existingVersion: project version is required when using --existing-version");
    assertThat(new VersionRequest(null, false, false, false, null).none()).isTrue();
    assertThat(new VersionRequest(" v1 ", false, false, true, false).name()).isEqualTo("v1");
  }
}
