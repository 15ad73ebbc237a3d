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

/**
 * T3: the token signing key is created strong, and a weak one stops the server from starting. A3:
 * keys rotate by files dropped into the keys directory.
 */
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

          @Override
          public Path dataDir() {
            return dir.resolve("data");
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

  @Test
  void aDroppedKeyVerifiesAtOnceSignsOnceActiveAndARetiredOneNoLonger() throws Exception {
    Path keysDir = dir.resolve("keys");
    SigningKeys keys = keysIn(keysDir);
    keys.load();
    String first = keys.keyId();
    assertThat(Files.readString(dir.resolve("data").resolve(SigningKeys.JWKS_FILE)))
        .contains(first);

    Files.createDirectories(keysDir.resolve(SigningKeys.RING_DIR));
    var pair = rsa(3072);
    Files.writeString(
        keysDir.resolve(SigningKeys.RING_DIR).resolve("next.pem"),
        pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    assertThat(keys.reload()).isTrue();
    // The kid: base64url of the SHA-256 of the public key's SPKI, first 16 characters.
    String next =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest(pair.getPublic().getEncoded()))
            .substring(0, 16);
    assertThat(keys.keyId()).as("the first key still signs").isEqualTo(first);
    assertThat(keys.verifies(first)).isTrue();
    assertThat(keys.verifies(next)).isTrue();
    assertThat(Files.readString(dir.resolve("data").resolve(SigningKeys.JWKS_FILE)))
        .contains(first, next);

    Files.writeString(keysDir.resolve(SigningKeys.ACTIVE_FILE), next + "\n");
    assertThat(keys.reload()).isTrue();
    assertThat(keys.keyId()).isEqualTo(next);

    Files.delete(keysDir.resolve(SigningKeys.PRIVATE_FILE));
    Files.delete(keysDir.resolve(SigningKeys.PUBLIC_FILE));
    assertThat(keys.reload()).isTrue();
    assertThat(keys.verifies(first)).as("retired").isFalse();
    assertThat(keys.verifies(next)).isTrue();
    assertThat(keys.jwks()).doesNotContain(first);

    SigningKeys restarted = keysIn(keysDir);
    restarted.load();
    assertThat(restarted.keyId())
        .as("no key is generated once the first is retired")
        .isEqualTo(next);
  }

  @Test
  void aKeySetThatCannotBeReadKeepsTheCurrentKeys() throws Exception {
    Path keysDir = dir.resolve("keys");
    SigningKeys keys = keysIn(keysDir);
    keys.load();
    String first = keys.keyId();
    Files.writeString(keysDir.resolve(SigningKeys.ACTIVE_FILE), "no-such-kid");
    assertThat(keys.reload()).isFalse();
    Files.delete(keysDir.resolve(SigningKeys.ACTIVE_FILE));
    Files.createDirectories(keysDir.resolve(SigningKeys.RING_DIR));
    Files.writeString(keysDir.resolve(SigningKeys.RING_DIR).resolve("half.pem"), "-----BEGIN PRIV");
    assertThat(keys.reload()).isFalse();
    assertThat(keys.keyId()).isEqualTo(first);
    assertThat(keys.verifies(first)).isTrue();
  }

  private static java.security.KeyPair rsa(int bits) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(bits);
    return g.generateKeyPair();
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
