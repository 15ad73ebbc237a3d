package dev.chainloop.ee.cli.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotChainloopConfigTest {
  @TempDir Path root;

  @Test
  void theNearestFileUpToTheGitRootGivesTheVersion() throws Exception {
    Path repo = Files.createDirectories(root.resolve("repo"));
    Files.createDirectories(repo.resolve(".git"));
    Path deep = Files.createDirectories(repo.resolve("a/b"));
    Files.writeString(repo.resolve(".chainloop.yml"), "projectVersion: v1.4.0\n");
    assertThat(DotChainloopConfig.projectVersion(deep)).contains("v1.4.0");

    Files.writeString(deep.resolve(".chainloop.yaml"), "projectVersion: 2.0.0\n");
    assertThat(DotChainloopConfig.projectVersion(deep)).contains("2.0.0");
  }

  @Test
  void aFileAboveTheGitRootOrWithoutAVersionIsIgnored() throws Exception {
    Files.writeString(root.resolve(".chainloop.yml"), "projectVersion: v9\n");
    Path repo = Files.createDirectories(root.resolve("repo"));
    Files.createDirectories(repo.resolve(".git"));
    assertThat(DotChainloopConfig.projectVersion(repo)).isEmpty();

    Files.writeString(repo.resolve(".chainloop.yml"), "other: x\n");
    assertThat(DotChainloopConfig.projectVersion(repo)).isEmpty();
    Files.writeString(repo.resolve(".chainloop.yml"), ": not [yaml\n");
    assertThat(DotChainloopConfig.projectVersion(repo)).isEmpty();
  }
}
