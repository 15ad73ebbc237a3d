package dev.chainloop.ee.cli.attestation;

import dev.chainloop.ee.cli.framework.CliException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PEM keys: PKCS#8 private keys (optionally encrypted), cosign encrypted keys, SPKI public keys,
 * certificates.
 */
public final class Keys {
  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]+)-----END \\1-----");
  private static final List<String> TYPES = List.of("EC", "RSA", "Ed25519");

  private Keys() {}

  /** A key reference: a file path or {@code env://VAR}. */
  public static String read(String ref, Map<String, String> env) {
    if (ref.startsWith("env://")) {
      String v = env.get(ref.substring(6));
      if (v == null || v.isBlank()) {
        throw new CliException("environment variable " + ref.substring(6) + " is not set");
      }
      return v;
    }
    try {
      return Files.readString(Path.of(ref), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new CliException("cannot read key " + ref + ": " + e.getMessage(), e);
    }
  }

  public record Block(String type, byte[] der) {}

  public static List<Block> blocks(String pem) {
    List<Block> out = new ArrayList<>();
    Matcher m = PEM.matcher(pem);
    while (m.find()) {
      out.add(
          new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2).replaceAll("\\s", ""))));
    }
    return out;
  }

  /** The password for an encrypted key and the variable it came from. */
  public record Password(String value, String variable) {
    /** Upstream's CHAINLOOP_SIGNING_PASSWORD first, then cosign's own COSIGN_PASSWORD. */
    public static Password from(Map<String, String> env) {
      for (String name : List.of("CHAINLOOP_SIGNING_PASSWORD", "COSIGN_PASSWORD")) {
        if (env.get(name) != null) {
          return new Password(env.get(name), name);
        }
      }
      return new Password(null, "CHAINLOOP_SIGNING_PASSWORD or COSIGN_PASSWORD");
    }
  }

  public static PrivateKey privateKey(String pem, Password password) {
    return fromPkcs8(pkcs8(pem, password));
  }

  /**
   * The PKCS#8 DER of the first private key in {@code pem}: plain, PKCS#8-encrypted, or cosign's
   * encrypted format.
   */
  public static byte[] pkcs8(String pem, Password password) {
    for (Block b : blocks(pem)) {
      if (b.type().equals("PRIVATE KEY")) {
        return b.der();
      }
      if (CosignKeys.PEM_TYPES.contains(b.type())) {
        return CosignKeys.decrypt(b.der(), password.value(), password.variable());
      }
      if (b.type().equals("ENCRYPTED PRIVATE KEY")) {
        if (password.value() == null || password.value().isEmpty()) {
          throw new CliException("the key is encrypted: set " + password.variable());
        }
        try {
          EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(b.der());
          PBEKeySpec spec = new PBEKeySpec(password.value().toCharArray());
          var secret = SecretKeyFactory.getInstance(info.getAlgName()).generateSecret(spec);
          Cipher cipher = Cipher.getInstance(info.getAlgName());
          cipher.init(Cipher.DECRYPT_MODE, secret, info.getAlgParameters());
          return info.getKeySpec(cipher).getEncoded();
        } catch (GeneralSecurityException | IOException e) {
          throw new CliException(
              "cannot decrypt the private key: wrong " + password.variable() + "?", e);
        }
      }
    }
    throw new CliException(
        "no private key (PKCS#8 or cosign; ECDSA P-256, RSA or Ed25519) found in the key file");
  }

  public static PrivateKey fromPkcs8(byte[] der) {
    for (String alg : TYPES) {
      try {
        return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException ignored) {
        // next type
      }
    }
    throw new CliException("unsupported private key: expected ECDSA P-256, RSA or Ed25519");
  }

  public static PublicKey publicKey(byte[] spki) {
    for (String alg : TYPES) {
      try {
        return KeyFactory.getInstance(alg).generatePublic(new X509EncodedKeySpec(spki));
      } catch (GeneralSecurityException ignored) {
        // next type
      }
    }
    throw new CliException("unsupported public key");
  }

  /** A PEM public key, or the public key of a PEM certificate. */
  public static PublicKey publicKey(String pem) {
    for (Block b : blocks(pem)) {
      if (b.type().equals("PUBLIC KEY")) {
        return publicKey(b.der());
      }
      if (b.type().equals("CERTIFICATE")) {
        return certificate(b.der()).getPublicKey();
      }
    }
    throw new CliException("no PEM public key found");
  }

  public static X509Certificate certificate(byte[] der) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (GeneralSecurityException e) {
      throw new CliException("invalid certificate: " + e.getMessage(), e);
    }
  }

  public static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
