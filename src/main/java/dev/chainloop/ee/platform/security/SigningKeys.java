package dev.chainloop.ee.platform.security;

import dev.chainloop.ee.platform.config.ChainloopConfig;
import dev.chainloop.ee.shared.Sha256;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The RS256 keys of every token: one active key signs, every key in the ring verifies. Read from
 * {@code chainloop.keys.dir} (a mounted secret shared by all nodes), generated there on the very
 * first start, and re-read every {@code chainloop.keys.reload-seconds} ({@link SigningKeysReload}),
 * so that keys rotate on a live cluster by dropping files, without a restart:
 *
 * <ul>
 *   <li>{@code jwt-private.pem} (+ {@code jwt-public.pem}): the first key, active by default;
 *   <li>{@code jwt-keys/*.pem}: more keys (PKCS#8 private keys), each verifying from the moment a
 *       node reads it;
 *   <li>{@code jwt-active-kid}: the {@code kid} of the key that signs (one of the above);
 *   <li>deleting a key's file retires it: its tokens are refused on the next request.
 * </ul>
 *
 * The ring's public keys are written as a JWKS document to {@code <data dir>/jwks.json}, which
 * MicroProfile JWT reads through {@code mp.jwt.verify.publickey.location} (it re-reads the file
 * when a token names a {@code kid} it has not seen), and served at {@code /.well-known/jwks.json}.
 * The authentication filter refuses a token whose {@code kid} is no longer in the ring ({@link
 * #verifies}), whatever MicroProfile JWT still caches.
 */
@ApplicationScoped
public class SigningKeys {
  static final String PRIVATE_FILE = "jwt-private.pem";
  static final String PUBLIC_FILE = "jwt-public.pem";
  static final String RING_DIR = "jwt-keys";
  static final String ACTIVE_FILE = "jwt-active-kid";
  static final String JWKS_FILE = "jwks.json";
  private static final int MIN_RSA_BITS = 2048;
  private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

  /** One key of the ring. */
  record RingKey(String kid, RSAPrivateKey privateKey, RSAPublicKey publicKey) {}

  /** The keys read at one moment; {@code active} signs. */
  private record Ring(Map<String, RingKey> byKid, RingKey active, String jwks) {}

  @Inject ChainloopConfig config;

  private volatile Ring ring;

  /** Loads (or creates) the keys as the application starts, before any token is verified. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    keyId();
  }

  /** The first read: a key set that cannot be read stops the server from starting. */
  @PostConstruct
  void load() {
    Path dir = config.keysDir();
    try {
      if (!Files.exists(dir.resolve(PRIVATE_FILE)) && ringFiles(dir).isEmpty()) {
        generate(dir, dir.resolve(PRIVATE_FILE), dir.resolve(PUBLIC_FILE));
      }
      install(read(dir));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the token signing keys in " + dir, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("invalid token signing keys in " + dir, e);
    }
  }

  /**
   * Re-reads the keys directory; answers whether the ring changed. A directory that cannot be read
   * as a whole (a file half-copied, no active key) keeps the current ring and is logged.
   */
  public synchronized boolean reload() {
    Path dir = config.keysDir();
    try {
      Ring next = read(dir);
      if (next.jwks().equals(ring.jwks()) && next.active().kid().equals(ring.active().kid())) {
        return false;
      }
      install(next);
      return true;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      LOG.warning(
          "Token signing keys in "
              + dir
              + " not reloaded, the current ones stay: "
              + e.getMessage());
      return false;
    }
  }

  private void install(Ring next) throws IOException {
    Path jwks = config.dataDir().resolve(JWKS_FILE);
    Files.createDirectories(jwks.getParent());
    Path tmp = Files.createTempFile(jwks.getParent(), "jwks", ".tmp");
    Files.writeString(tmp, next.jwks());
    Files.move(tmp, jwks, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    ring = next;
    LOG.info(
        "Token signing keys: "
            + next.active().kid()
            + " signs; verifying "
            + String.join(", ", new TreeSet<>(next.byKid().keySet())));
  }

  private static Ring read(Path dir) throws IOException, GeneralSecurityException {
    Map<String, RingKey> keys = new LinkedHashMap<>();
    String firstKid = null;
    if (Files.exists(dir.resolve(PRIVATE_FILE))) {
      RingKey first = key(readPem(dir.resolve(PRIVATE_FILE)), dir.resolve(PRIVATE_FILE));
      keys.put(first.kid(), first);
      firstKid = first.kid();
    }
    for (Path file : ringFiles(dir)) {
      RingKey more = key(readPem(file), file);
      keys.put(more.kid(), more);
    }
    String activeKid = firstKid;
    Path activeFile = dir.resolve(ACTIVE_FILE);
    if (Files.exists(activeFile)) {
      activeKid = Files.readString(activeFile, StandardCharsets.US_ASCII).trim();
    } else if (activeKid == null && keys.size() == 1) {
      activeKid = keys.keySet().iterator().next();
    }
    RingKey active = activeKid == null ? null : keys.get(activeKid);
    if (active == null) {
      throw new IllegalStateException(
          "no active token signing key: "
              + ACTIVE_FILE
              + " names "
              + activeKid
              + ", the keys are "
              + keys.keySet());
    }
    return new Ring(Map.copyOf(keys), active, jwks(keys.values()));
  }

  private static List<Path> ringFiles(Path dir) throws IOException {
    Path ringDir = dir.resolve(RING_DIR);
    if (!Files.isDirectory(ringDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(ringDir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".pem")).sorted().toList();
    }
  }

  /** A key from its PKCS#8 private half (the public half is derived from it). */
  private static RingKey key(byte[] pkcs8, Path file) throws GeneralSecurityException {
    KeyFactory rsa = KeyFactory.getInstance("RSA");
    if (!(rsa.generatePrivate(new PKCS8EncodedKeySpec(pkcs8)) instanceof RSAPrivateCrtKey crt)) {
      throw new IllegalStateException(file + " is not an RSA private key with its CRT parameters");
    }
    RSAPublicKey publicKey =
        (RSAPublicKey)
            rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    if (publicKey.getModulus().bitLength() < MIN_RSA_BITS) {
      throw new IllegalStateException(
          "the token signing key " + file + " is shorter than " + MIN_RSA_BITS + " bits");
    }
    byte[] thumb = Sha256.digest(publicKey.getEncoded());
    String kid = Base64.getUrlEncoder().withoutPadding().encodeToString(thumb).substring(0, 16);
    return new RingKey(kid, crt, publicKey);
  }

  private static String jwks(Iterable<RingKey> keys) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    for (RingKey k : keys) {
      array.add(
          Json.createObjectBuilder()
              .add("kty", "RSA")
              .add("use", "sig")
              .add("alg", "RS256")
              .add("kid", k.kid())
              .add("n", b64.encodeToString(unsigned(k.publicKey().getModulus())))
              .add("e", b64.encodeToString(unsigned(k.publicKey().getPublicExponent()))));
    }
    return Json.createObjectBuilder().add("keys", array).build().toString();
  }

  /** A JWK integer: big-endian, without the sign byte {@link BigInteger#toByteArray} may add. */
  private static byte[] unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
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
    return ring.active().privateKey();
  }

  public RSAPublicKey publicKey() {
    return ring.active().publicKey();
  }

  /** The {@code kid} of the key that signs new tokens. */
  public String keyId() {
    return ring.active().kid();
  }

  /** Whether a token signed with {@code kid} is still accepted (its key is in the ring). */
  public boolean verifies(String kid) {
    return kid != null && ring.byKid().containsKey(kid);
  }

  /** The ring's public keys as a JWKS document (RFC 7517). */
  public String jwks() {
    return ring.jwks();
  }
}
