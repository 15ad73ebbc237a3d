package dev.chainloop.ee.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chainloop.ee.platform.config.ChainloopConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** T3: the token signing key is created strong, and a weak one stops the server from starting. */
class SigningKeysTest {
  @TempDir Path dir;

  private SigningKeys keysIn(Path keysDir) {
    SigningKeys keys = new SigningKeys();
    keys.config =
        new ChainloopConfig() {
          @Override
          public Path keysDir() {
            return keysDir;
          }
        };
    return keys;
  }

  @Test
  void missingKeyIsGeneratedWith3072BitsAndAPrivateFile() throws Exception {
    SigningKeys keys = keysIn(dir.resolve("keys"));
    keys.load();
    assertThat(keys.publicKey().getModulus().bitLength()).isGreaterThanOrEqualTo(3072);
    assertThat(Files.getPosixFilePermissions(dir.resolve("keys").resolve(SigningKeys.PRIVATE_FILE)))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    SigningKeys again = keysIn(dir.resolve("keys"));
    again.load();
    assertThat(again.keyId()).as("the same key is read back").isEqualTo(keys.keyId());
  }

  @Test
  void shortKeyPreventsStart() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(1024);
    var pair = g.generateKeyPair();
    Files.writeString(
        dir.resolve(SigningKeys.PRIVATE_FILE), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    Files.writeString(
        dir.resolve(SigningKeys.PUBLIC_FILE), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    assertThatThrownBy(() -> keysIn(dir).load()).hasMessageContaining("shorter than 2048 bits");
  }

  @Test
  void corruptKeyPreventsStart() throws Exception {
    Files.writeString(
        dir.resolve(SigningKeys.PRIVATE_FILE),
        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    Files.writeString(dir.resolve(SigningKeys.PUBLIC_FILE), "garbage");
    assertThatThrownBy(() -> keysIn(dir).load()).isInstanceOf(RuntimeException.class);
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder().encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
