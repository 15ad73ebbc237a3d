package dev.chainloop.ee.shared;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Lower-case hex SHA-256, the one digest both the server and the CLI name things by. */
public final class Sha256 {
  private Sha256() {}

  public static String hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /**
   * The hint a Sigstore bundle names its signer's key by: hex SHA-256 of the DER SPKI (what the CLI
   * writes and the control plane checks).
   */
  public static String keyHint(byte[] spki) {
    return hex(spki);
  }
}
