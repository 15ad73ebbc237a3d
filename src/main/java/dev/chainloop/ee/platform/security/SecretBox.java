package dev.chainloop.ee.platform.security;

import dev.chainloop.ee.platform.config.ChainloopConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts credentials kept in the database (AES-256-GCM, a fresh 96-bit nonce per value). The key
 * is {@code chainloop.secrets.key} (base64 of 32 bytes, e.g. from a mounted secret), or else the
 * file {@code secrets.key} in {@code chainloop.keys.dir}, generated on the very first start and
 * shared by all nodes like the token signing keys. Each value is bound to a context (e.g. the row
 * it belongs to), so a ciphertext copied to another row does not decrypt. Integration and CAS
 * credentials are sealed as text, remote attestation state as bytes.
 */
@ApplicationScoped
public class SecretBox {
  static final String KEY_FILE = "secrets.key";
  private static final String PREFIX = "v1:";

  /** Leads the bytes {@link #sealBytes} writes. */
  private static final byte[] MAGIC = {'C', 'L', 'S', '1'};

  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecureRandom random = new SecureRandom();

  @Inject ChainloopConfig config;

  @Inject
  @ConfigProperty(name = "chainloop.secrets.key")
  Optional<String> configuredKey;

  private SecretKeySpec key;

  @PostConstruct
  void load() {
    byte[] bytes =
        configuredKey
            .filter(k -> !k.isBlank())
            .map(k -> Base64.getDecoder().decode(k.trim()))
            .orElseGet(() -> fromFile(config.keysDir().resolve(KEY_FILE)));
    if (bytes.length != KEY_BYTES) {
      throw new IllegalStateException("the secrets key must be " + KEY_BYTES + " bytes");
    }
    key = new SecretKeySpec(bytes, "AES");
  }

  /** {@code plaintext} encrypted for {@code context}, as printable text. */
  public String seal(String context, String plaintext) {
    return PREFIX
        + Base64.getEncoder()
            .encodeToString(encrypt(context, plaintext.getBytes(StandardCharsets.UTF_8)));
  }

  /** What {@link #seal} sealed for {@code context}; refused if the value was tampered with. */
  public String open(String context, String sealed) {
    if (sealed == null || !sealed.startsWith(PREFIX)) {
      throw new IllegalStateException("not a sealed secret");
    }
    return new String(
        decrypt(context, Base64.getDecoder().decode(sealed.substring(PREFIX.length()))),
        StandardCharsets.UTF_8);
  }

  /**
   * {@code plaintext} encrypted for {@code context}, as bytes that {@link #isSealed} recognizes.
   */
  public byte[] sealBytes(String context, byte[] plaintext) {
    byte[] sealed = encrypt(context, plaintext);
    return ByteBuffer.allocate(MAGIC.length + sealed.length).put(MAGIC).put(sealed).array();
  }

  /** What {@link #sealBytes} sealed for {@code context}; refused if it was tampered with. */
  public byte[] openBytes(String context, byte[] sealed) {
    if (!isSealed(sealed)) {
      throw new IllegalStateException("not sealed bytes");
    }
    return decrypt(context, Arrays.copyOfRange(sealed, MAGIC.length, sealed.length));
  }

  /** Whether {@code bytes} were written by {@link #sealBytes} (a JSON document never starts so). */
  public static boolean isSealed(byte[] bytes) {
    return bytes != null
        && bytes.length > MAGIC.length
        && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
  }

  /** nonce || AES-GCM(plaintext), the context as additional data. */
  private byte[] encrypt(String context, byte[] plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce, context).doFinal(plaintext);
      return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt a secret", e);
    }
  }

  private byte[] decrypt(String context, byte[] all) {
    byte[] nonce = Arrays.copyOf(all, NONCE_BYTES);
    try {
      return cipher(Cipher.DECRYPT_MODE, nonce, context)
          .doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a stored secret does not decrypt with the secrets key", e);
    }
  }

  private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcm.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    gcm.updateAAD(context.getBytes(StandardCharsets.UTF_8));
    return gcm;
  }

  private byte[] fromFile(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        byte[] fresh = new byte[KEY_BYTES];
        random.nextBytes(fresh);
        Path tmp = Files.createTempFile(file.getParent(), KEY_FILE, ".tmp");
        try {
          Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
          // not a POSIX filesystem: the directory's permissions protect the key
        }
        Files.writeString(tmp, Base64.getEncoder().encodeToString(fresh));
        try {
          // two nodes starting together: the first link wins, the other reads that key
          Files.createLink(file, tmp);
        } catch (FileAlreadyExistsException lost) {
          // another node wrote it first
        } finally {
          Files.deleteIfExists(tmp);
        }
      }
      return Base64.getDecoder().decode(Files.readString(file).trim());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the secrets key " + file, e);
    }
  }
}
