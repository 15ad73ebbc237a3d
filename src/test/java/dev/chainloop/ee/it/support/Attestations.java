package dev.chainloop.ee.it.support;

import dev.chainloop.ee.cli.attestation.Bundles;
import dev.chainloop.ee.cli.attestation.Signers;
import dev.chainloop.ee.shared.Sha256;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Base64;

/** Client-signed attestation bundles for a run, built as the CLI builds them. */
public final class Attestations {
  private static final KeyPair KEY = Signers.ephemeralP256();

  private Attestations() {}

  /** A DSSE bundle over an in-toto statement naming {@code runId}, distinct per {@code salt}. */
  public static byte[] bundle(String runId, String salt) {
    try {
      return Bundles.sign(statement(runId, salt), KEY.getPrivate(), KEY.getPublic(), null);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A DSSE bundle over any statement bytes, valid or not. */
  public static byte[] sign(String statement) {
    try {
      return Bundles.sign(
          statement.getBytes(StandardCharsets.UTF_8), KEY.getPrivate(), KEY.getPublic(), null);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Where a bundle of this class is pushed for {@code runId}: the store path with the public key
   * its hint names, as {@code attestation push} sends it.
   */
  public static String storePath(String runId) {
    return storePath(runId, KEY.getPublic());
  }

  /** The store path for a bundle signed with {@code key}'s private half. */
  public static String storePath(String runId, PublicKey key) {
    return "/api/v1/attestations/"
        + runId
        + "/store?publicKey="
        + URLEncoder.encode(
            Base64.getEncoder().encodeToString(key.getEncoded()), StandardCharsets.UTF_8);
  }

  public static String digest(byte[] bytes) {
    return Sha256.prefixed(bytes);
  }

  private static byte[] statement(String runId, String salt) {
    String hex = Sha256.hex(salt.getBytes(StandardCharsets.UTF_8));
    return ("{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"x\",\"digest\":{\"sha256\":\""
            + hex
            + "\"}}],\"predicateType\":\"chainloop.dev/attestation/v0.2\",\"predicate\":{\"metadata\":{\"workflowRunID\":\""
            + runId
            + "\"}}}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
