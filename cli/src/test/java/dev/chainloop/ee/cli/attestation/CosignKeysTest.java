package dev.chainloop.ee.cli.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.cli.CliRunner;
import dev.chainloop.ee.shared.Sha256;
import jakarta.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keys made by cosign sign at {@code attestation push --key} and verify with their public half. */
class CosignKeysTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"cosign-ec.key", "sigstore.key"})
  void keysCosignMadeSignAtPushAndVerify(String fixture) throws Exception {
    String pem = fixture(fixture);
    Path key = Files.writeString(dir.resolve("cosign.key"), pem);
    Path pub = publicHalf(pem, "hello");
    Path bundle = pushDryRun(cli().env("COSIGN_PASSWORD", "hello"), key.toString());
    CliRunner.Result verified =
        cli().run("attestation", "verify", "--bundle", bundle.toString(), "--key", pub.toString());
    assertThat(verified.code()).as(verified.err()).isZero();
    assertThat(verified.err()).contains("attestation verified");
  }

  @Test
  void aKeyPairMadeInTheSameFormatSignsFromAnEnvironmentVariable() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = g.generateKeyPair();
    String pem = encrypt(pair.getPrivate().getEncoded(), "s3cret");
    Path pub =
        Files.writeString(
            dir.resolve("cosign.pub"), Keys.pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    Path bundle =
        pushDryRun(
            cli().env("COSIGN_PASSWORD", "s3cret").env("SIGNING_KEY", pem), "env://SIGNING_KEY");
    CliRunner.Result verified =
        cli().run("attestation", "verify", "--bundle", bundle.toString(), "--key", pub.toString());
    assertThat(verified.code()).as(verified.err()).isZero();
  }

  @Test
  void upstreamsSigningPasswordVariableWorksToo() throws Exception {
    Path key = Files.writeString(dir.resolve("cosign.key"), fixture("sigstore.key"));
    pushDryRun(cli().env("CHAINLOOP_SIGNING_PASSWORD", "hello"), key.toString());
  }

  @Test
  void aWrongPasswordGivesOneClearError() throws Exception {
    Path key = Files.writeString(dir.resolve("cosign.key"), fixture("cosign-ec.key"));
    CliRunner.Result r = push(cli().env("COSIGN_PASSWORD", "wrong"), key.toString());
    assertThat(r.code()).isNotZero();
    assertThat(r.errLines())
        .containsExactly("ERR cannot decrypt the cosign private key: wrong COSIGN_PASSWORD?");
  }

  @Test
  void aMissingPasswordIsNamed() throws Exception {
    Path key = Files.writeString(dir.resolve("cosign.key"), fixture("cosign-ec.key"));
    CliRunner.Result r = push(cli(), key.toString());
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("the cosign key is encrypted: set CHAINLOOP_SIGNING_PASSWORD");
  }

  @Test
  void theDecryptedFixtureIsAnEcP256Key() {
    KeyPair pair =
        Signers.fromPem(
            fixture("sigstore.key"), Keys.Password.from(Map.of("COSIGN_PASSWORD", "hello")));
    assertThat(pair.getPrivate().getAlgorithm()).isEqualTo("EC");
    assertThat(pair.getPublic().getAlgorithm()).isEqualTo("EC");
  }

  private Path pushDryRun(CliRunner cli, String keyRef) throws IOException {
    Path bundle = dir.resolve("bundle-" + System.nanoTime() + ".json");
    CliRunner.Result r = push(cli, keyRef, "--bundle", bundle.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(bundle).exists();
    return bundle;
  }

  private CliRunner.Result push(CliRunner cli, String keyRef, String... more) throws IOException {
    Path state = dir.resolve("state-" + System.nanoTime() + ".json");
    Files.writeString(state, dryRunState());
    String[] args = {
      "attestation", "push", "--local-state-path", state.toString(), "--key", keyRef
    };
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return cli.run(all);
  }

  private CliRunner cli() {
    return new CliRunner(dir.resolve("home"));
  }

  private Path publicHalf(String pem, String password) throws IOException {
    KeyPair pair = Signers.fromPem(pem, Keys.Password.from(Map.of("COSIGN_PASSWORD", password)));
    return Files.writeString(
        dir.resolve("cosign.pub"), Keys.pem("PUBLIC KEY", pair.getPublic().getEncoded()));
  }

  static String fixture(String name) {
    try (InputStream in = CosignKeysTest.class.getResourceAsStream("/cosign/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * What {@code cosign generate-key-pair} writes: scrypt (N=2^15, r=8, p=1) derives the secretbox
   * key; the box is Poly1305 tag || XSalsa20 ciphertext of the PKCS#8 key.
   */
  static String encrypt(byte[] pkcs8, String password) throws GeneralSecurityException {
    SecureRandom random = new SecureRandom();
    byte[] salt = new byte[32];
    byte[] nonce = new byte[24];
    random.nextBytes(salt);
    random.nextBytes(nonce);
    byte[] key = SCrypt.generate(password.getBytes(StandardCharsets.UTF_8), salt, 32768, 8, 1, 32);
    XSalsa20Engine salsa = new XSalsa20Engine();
    salsa.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
    byte[] macKey = new byte[32];
    salsa.processBytes(new byte[32], 0, 32, macKey, 0);
    byte[] box = new byte[16 + pkcs8.length];
    salsa.processBytes(pkcs8, 0, pkcs8.length, box, 16);
    Poly1305 mac = new Poly1305();
    mac.init(new KeyParameter(macKey));
    mac.update(box, 16, pkcs8.length);
    mac.doFinal(box, 0);
    Base64.Encoder b64 = Base64.getEncoder();
    String body =
        Json.createObjectBuilder()
            .add(
                "kdf",
                Json.createObjectBuilder()
                    .add("name", "scrypt")
                    .add(
                        "params",
                        Json.createObjectBuilder().add("N", 32768).add("r", 8).add("p", 1))
                    .add("salt", b64.encodeToString(salt)))
            .add(
                "cipher",
                Json.createObjectBuilder()
                    .add("name", "nacl/secretbox")
                    .add("nonce", b64.encodeToString(nonce)))
            .add("ciphertext", b64.encodeToString(box))
            .build()
            .toString();
    return Keys.pem("ENCRYPTED SIGSTORE PRIVATE KEY", body.getBytes(StandardCharsets.UTF_8));
  }

  static String dryRunState() {
    return Json.createObjectBuilder()
        .add("attestationId", "")
        .add("initializedAt", "2024-05-13T12:23:00Z")
        .add(
            "workflow",
            Json.createObjectBuilder()
                .add("id", "wf-1")
                .add("name", "build")
                .add("project", "core"))
        .add("organization", "acme")
        .add("annotations", Json.createObjectBuilder())
        .add(
            "materials",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("name", "version")
                        .add("kind", "STRING")
                        .add("value", "1.0")
                        .add("digest", Sha256.prefixed("1.0".getBytes(StandardCharsets.UTF_8)))
                        .add("annotations", Json.createObjectBuilder())))
        .add("dryRun", true)
        .build()
        .toString();
  }
}
