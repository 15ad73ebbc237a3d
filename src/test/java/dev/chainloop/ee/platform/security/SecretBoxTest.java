package dev.chainloop.ee.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chainloop.ee.platform.config.ChainloopConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials at rest: sealed, bound to their row, refused when tampered with. */
class SecretBoxTest {
  @TempDir Path dir;

  private SecretBox boxIn(Path keysDir, Optional<String> configured) {
    SecretBox box = new SecretBox();
    box.config =
        new ChainloopConfig() {
          @Override
          public Path keysDir() {
            return keysDir;
          }
        };
    box.configuredKey = configured;
    box.load();
    return box;
  }

  @Test
  void aSealedSecretOpensOnlyForItsContextAndNeverShowsItsText() {
    SecretBox box = boxIn(dir, Optional.empty());
    String sealed = box.seal("integration/a", "hunter2-api-key");
    assertThat(sealed).startsWith("v1:").doesNotContain("hunter2");
    assertThat(box.seal("integration/a", "hunter2-api-key"))
        .as("a fresh nonce")
        .isNotEqualTo(sealed);
    assertThat(box.open("integration/a", sealed)).isEqualTo("hunter2-api-key");
    assertThatThrownBy(() -> box.open("integration/b", sealed))
        .isInstanceOf(IllegalStateException.class);
    String tampered =
        sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A=") ? "B=" : "A=");
    assertThatThrownBy(() -> box.open("integration/a", tampered))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void sealedBytesOpenOnlyForTheirContextAndAreToldFromJson() {
    SecretBox box = boxIn(dir, Optional.empty());
    byte[] state =
        "{\"materials\":[\"secret-sbom\"]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] sealed = box.sealBytes("run/1", state);
    assertThat(SecretBox.isSealed(sealed)).isTrue();
    assertThat(SecretBox.isSealed(state)).as("plain JSON").isFalse();
    assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("secret-sbom");
    assertThat(box.openBytes("run/1", sealed)).isEqualTo(state);
    assertThatThrownBy(() -> box.openBytes("run/2", sealed))
        .isInstanceOf(IllegalStateException.class);
    sealed[sealed.length - 1] ^= 1;
    assertThatThrownBy(() -> box.openBytes("run/1", sealed))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theGeneratedKeyIsPrivateAndReadBackByTheNextStart() throws Exception {
    SecretBox first = boxIn(dir.resolve("keys"), Optional.empty());
    Path file = dir.resolve("keys").resolve(SecretBox.KEY_FILE);
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    String sealed = first.seal("c", "value");
    assertThat(boxIn(dir.resolve("keys"), Optional.empty()).open("c", sealed)).isEqualTo("value");
  }

  @Test
  void aConfiguredKeyWinsAndMustBe32Bytes() {
    String key = Base64.getEncoder().encodeToString(new byte[32]);
    SecretBox box = boxIn(dir, Optional.of(key));
    assertThat(Files.exists(dir.resolve(SecretBox.KEY_FILE))).isFalse();
    assertThat(box.open("c", box.seal("c", "v"))).isEqualTo("v");
    assertThatThrownBy(
            () -> boxIn(dir, Optional.of(Base64.getEncoder().encodeToString(new byte[16]))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("32 bytes");
  }
}
