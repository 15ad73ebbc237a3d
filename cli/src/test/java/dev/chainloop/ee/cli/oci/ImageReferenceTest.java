package dev.chainloop.ee.cli.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageReferenceTest {
  private static final String DIGEST = "sha256:" + "ab".repeat(32);

  @Test
  void readsRegistryPathTagAndDigestAsDockerDoes() {
    ImageReference r = ImageReference.parse("ghcr.io/chainloop-dev/chainloop/cli:v1.2.3");
    assertThat(r.registry()).isEqualTo("ghcr.io");
    assertThat(r.path()).isEqualTo("chainloop-dev/chainloop/cli");
    assertThat(r.tag()).isEqualTo("v1.2.3");
    assertThat(r.digest()).isNull();
    assertThat(r.repository()).isEqualTo("ghcr.io/chainloop-dev/chainloop/cli");

    ImageReference pinned = ImageReference.parse("127.0.0.1:5000/app@" + DIGEST);
    assertThat(pinned.registry()).isEqualTo("127.0.0.1:5000");
    assertThat(pinned.tag()).isNull();
    assertThat(pinned.reference()).isEqualTo(DIGEST);
    assertThat(pinned.isLoopback()).isTrue();
  }

  @Test
  void defaultsToDockerHubLibraryAndLatest() {
    ImageReference r = ImageReference.parse("nginx");
    assertThat(r.repository()).isEqualTo("index.docker.io/library/nginx");
    assertThat(r.tag()).isEqualTo("latest");
    assertThat(ImageReference.parse("docker.io/bitnami/nginx:1").repository())
        .isEqualTo("index.docker.io/bitnami/nginx");
    assertThat(ImageReference.parse("localhost/app:1").registry()).isEqualTo("localhost");
    assertThat(ImageReference.parse("ghcr.io/a/b").isLoopback()).isFalse();
  }

  @Test
  void refusesWhatIsNotAReferenceWithTheReason() {
    assertThatThrownBy(() -> ImageReference.parse("hello world"))
        .hasMessageContaining("is not an image reference");
    assertThatThrownBy(() -> ImageReference.parse("ghcr.io/a/b@sha256:xyz"))
        .hasMessageContaining("sha256:<64 hex characters>");
    assertThatThrownBy(() -> ImageReference.parse("ghcr.io/A/b:1"))
        .hasMessageContaining("invalid repository name");
    assertThatThrownBy(() -> ImageReference.parse("ghcr.io/a/b:-x"))
        .hasMessageContaining("invalid tag");
  }
}
