package dev.chainloop.ee.shared;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/**
 * DSSE v1: signatures cover the pre-authentication encoding (PAE) of type and payload, never the
 * raw payload, so a payload cannot be replayed under another type. The CLI signs with it, the
 * server verifies with it.
 */
public final class Dsse {
  public static final String IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";

  private Dsse() {}

  /** {@code "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body}, lengths in ASCII decimal bytes. */
  public static byte[] pae(String payloadType, byte[] payload) {
    byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + type.length + 32);
    out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(type);
    out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(payload);
    return out.toByteArray();
  }

  /** The JCA algorithm for a key: ECDSA and RSA over SHA-256, or Ed25519. */
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

  /** Whether {@code sig} is the key's signature over the PAE; false for any unusable key. */
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
