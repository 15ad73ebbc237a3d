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

/** PEM keys: PKCS#8 private keys (optionally encrypted), SPKI public keys, certificates. */
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

  public static PrivateKey privateKey(String pem, String password) {
    for (Block b : blocks(pem)) {
      try {
        byte[] der = b.der();
        if (b.type().equals("ENCRYPTED PRIVATE KEY")) {
          if (password == null || password.isEmpty()) {
            throw new CliException("the key is encrypted: set CHAINLOOP_SIGNING_PASSWORD");
          }
          EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
          PBEKeySpec spec = new PBEKeySpec(password.toCharArray());
          var secret = SecretKeyFactory.getInstance(info.getAlgName()).generateSecret(spec);
          Cipher cipher = Cipher.getInstance(info.getAlgName());
          cipher.init(Cipher.DECRYPT_MODE, secret, info.getAlgParameters());
          der = info.getKeySpec(cipher).getEncoded();
        } else if (!b.type().equals("PRIVATE KEY")) {
          continue;
        }
        for (String alg : TYPES) {
          try {
            return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
          } catch (GeneralSecurityException ignored) {
            // next type
          }
        }
      } catch (GeneralSecurityException | IOException e) {
        throw new CliException(
            "cannot decrypt the private key: wrong CHAINLOOP_SIGNING_PASSWORD?", e);
      }
    }
    throw new CliException(
        "no PKCS#8 private key (ECDSA P-256, RSA or Ed25519) found in the key file");
  }

  /** The DER of the first (unencrypted) PKCS#8 block. */
  static byte[] privateKeyDer(String pem) {
    return blocks(pem).stream()
        .filter(b -> b.type().equals("PRIVATE KEY"))
        .findFirst()
        .map(Block::der)
        .orElse(new byte[0]);
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
