package dev.chainloop.ee.platform.security;

import dev.chainloop.ee.platform.config.ChainloopConfig;
import dev.chainloop.ee.shared.Sha256;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * The RS256 key pair that signs every token. Read from {@code chainloop.keys.dir} (a mounted secret
 * shared by all nodes), or generated there on the very first start. MicroProfile JWT verifies with
 * the public half through {@code mp.jwt.verify.publickey.location}.
 */
@ApplicationScoped
public class SigningKeys {
  static final String PRIVATE_FILE = "jwt-private.pem";
  static final String PUBLIC_FILE = "jwt-public.pem";
  private static final int MIN_RSA_BITS = 2048;
  private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

  @Inject ChainloopConfig config;

  private RSAPrivateKey privateKey;
  private RSAPublicKey publicKey;
  private String keyId;

  /** Loads (or creates) the keys as the application starts, before any token is verified. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    keyId();
  }

  @PostConstruct
  void load() {
    Path dir = config.keysDir();
    Path privatePem = dir.resolve(PRIVATE_FILE);
    Path publicPem = dir.resolve(PUBLIC_FILE);
    try {
      if (!Files.exists(privatePem)) {
        generate(dir, privatePem, publicPem);
      }
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      privateKey =
          (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(readPem(privatePem)));
      publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(readPem(publicPem)));
      if (publicKey.getModulus().bitLength() < MIN_RSA_BITS) {
        throw new IllegalStateException(
            "the token signing key in " + dir + " is shorter than " + MIN_RSA_BITS + " bits");
      }
      byte[] thumb = Sha256.digest(publicKey.getEncoded());
      keyId = Base64.getUrlEncoder().withoutPadding().encodeToString(thumb).substring(0, 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the token signing keys in " + dir, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("invalid token signing keys in " + dir, e);
    }
  }

  private static void generate(Path dir, Path privatePem, Path publicPem)
      throws IOException, GeneralSecurityException {
    Files.createDirectories(dir);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(3072);
    var pair = generator.generateKeyPair();
    // Write to temporary files and move, so that a crash never leaves half a key behind and two
    // nodes starting at once on a shared directory end with one consistent pair.
    Path tmpPrivate = Files.createTempFile(dir, "private", ".tmp");
    Path tmpPublic = Files.createTempFile(dir, "public", ".tmp");
    try {
      Files.setPosixFilePermissions(tmpPrivate, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // not a POSIX file system
    }
    Files.writeString(tmpPrivate, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    Files.writeString(tmpPublic, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    Files.move(tmpPublic, publicPem, StandardCopyOption.ATOMIC_MOVE);
    Files.move(tmpPrivate, privatePem, StandardCopyOption.ATOMIC_MOVE);
    LOG.info("Generated a new token signing key pair in " + dir);
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static byte[] readPem(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(base64);
  }

  public RSAPrivateKey privateKey() {
    return privateKey;
  }

  public RSAPublicKey publicKey() {
    return publicKey;
  }

  public String keyId() {
    return keyId;
  }
}
