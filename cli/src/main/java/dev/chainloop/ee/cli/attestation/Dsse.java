package dev.chainloop.ee.cli.attestation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/** DSSE v1 signing over the pre-authentication encoding (PAE). */
public final class Dsse {
  public static final String IN_TOTO = "application/vnd.in-toto+json";

  private Dsse() {}

  /** {@code "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body}. */
  public static byte[] pae(String payloadType, byte[] payload) {
    byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(type);
    out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(payload);
    return out.toByteArray();
  }

  static String algorithm(String keyAlgorithm) {
    return switch (keyAlgorithm) {
      case "EC" -> "SHA256withECDSA";
      case "RSA" -> "SHA256withRSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      default -> throw new IllegalArgumentException("unsupported key type " + keyAlgorithm);
    };
  }

  public static byte[] sign(PrivateKey key, String payloadType, byte[] payload)
      throws GeneralSecurityException {
    Signature s = Signature.getInstance(algorithm(key.getAlgorithm()));
    s.initSign(key);
    s.update(pae(payloadType, payload));
    return s.sign();
  }

  public static boolean verify(PublicKey key, String payloadType, byte[] payload, byte[] sig) {
    try {
      Signature s = Signature.getInstance(algorithm(key.getAlgorithm()));
      s.initVerify(key);
      s.update(pae(payloadType, payload));
      return s.verify(sig);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
