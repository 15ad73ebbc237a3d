package dev.chainloop.ee.cli.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryMirrorsTest {
  @TempDir Path dir;

  private RegistryMirrors conf(String toml) throws IOException {
    Path file = Files.writeString(dir.resolve("registries.conf"), toml);
    return RegistryMirrors.load(Map.of("CONTAINERS_REGISTRIES_CONF", file.toString()));
  }

  private static List<String> places(RegistryMirrors m, String ref) {
    return m.endpoints(ImageReference.parse(ref)).stream()
        .map(e -> e.reference().repository() + (e.insecure() ? " (insecure)" : ""))
        .toList();
  }

  @Test
  void mirrorsComeFirstThenTheRewrittenLocationLongestPrefixWins() throws IOException {
    RegistryMirrors m =
        conf(
            """
            unqualified-search-registries = ["docker.io"]

            [[registry]]
            prefix = "ghcr.io"
            location = "registry.corp:5000/ghcr"

            [[registry.mirror]]
            location = "127.0.0.1:5001/cache"
            insecure = true

            [[registry]]
            prefix = "ghcr.io/chainloop-dev/charts"
            location = "charts.corp/chainloop"
            """);
    assertThat(places(m, "ghcr.io/acme/app:1"))
        .containsExactly(
            "127.0.0.1:5001/cache/acme/app (insecure)", "registry.corp:5000/ghcr/acme/app");
    assertThat(places(m, "ghcr.io/chainloop-dev/charts/chainloop:1"))
        .containsExactly("charts.corp/chainloop/chainloop");
    assertThat(places(m, "quay.io/a/b:1")).containsExactly("quay.io/a/b");
    // a prefix matches whole path components only
    assertThat(places(m, "ghcr.io.evil.example/a:1")).containsExactly("ghcr.io.evil.example/a");
  }

  @Test
  void aBlockedRegistryIsRefusedAndABrokenFileNamed() throws IOException {
    RegistryMirrors m = conf("[[registry]]\nprefix = \"docker.io\"\nblocked = true\n");
    assertThatThrownBy(() -> places(m, "nginx")).hasMessageContaining("blocked");
    assertThat(places(m, "ghcr.io/a/b:1")).containsExactly("ghcr.io/a/b");
    assertThatThrownBy(() -> conf("[[registry]\nprefix = ").endpoints(ImageReference.parse("a")))
        .hasMessageContaining("cannot read registry configuration");
  }

  @Test
  void noFileMeansEveryReferenceIsFetchedWhereItNames() {
    RegistryMirrors m = RegistryMirrors.load(Map.of("HOME", dir.toString()));
    assertThat(places(m, "ghcr.io/a/b:1")).containsExactly("ghcr.io/a/b");
  }
}
