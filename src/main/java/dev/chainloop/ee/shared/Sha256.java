package dev.chainloop.ee.shared;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Lower-case hex SHA-256, the one digest both the server and the CLI name things by. */
public final class Sha256 {
  private Sha256() {}

  /** A fresh digest, for content read in pieces. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  public static byte[] digest(byte[] bytes) {
    return newDigest().digest(bytes);
  }

  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(digest(bytes));
  }

  /** The digest as the API and in-toto name content: {@code sha256:<hex>}. */
  public static String prefixed(byte[] bytes) {
    return "sha256:" + hex(bytes);
  }

  /** {@code sha256:<hex>} of a finished streaming digest. */
  public static String prefixed(MessageDigest finished) {
    return "sha256:" + HexFormat.of().formatHex(finished.digest());
  }

  /**
   * The hint a Sigstore bundle names its signer's key by: hex SHA-256 of the DER SPKI (what the CLI
   * writes and the control plane checks).
   */
  public static String keyHint(byte[] spki) {
    return hex(spki);
  }
}
