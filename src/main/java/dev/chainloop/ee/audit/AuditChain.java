package dev.chainloop.ee.audit;

import dev.chainloop.ee.shared.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash that links an audit event to the one before it in its organization's chain.
 *
 * <p>Encoding, version 1 (the bytes fed to SHA-256, in this order):
 *
 * <ol>
 *   <li>the 17 ASCII bytes {@code chainloop-audit-1};
 *   <li>each field below as one item: a null field is the single byte {@code 0x00}; a present one
 *       is {@code 0x01}, its UTF-8 length as a 4-byte big-endian integer, then its UTF-8 bytes.
 *       Lengths make the split between fields unambiguous ({@code "ab","c"} differs from {@code
 *       "a","bc"}) and the marker tells a null from an empty string.
 * </ol>
 *
 * Fields: the previous event's hash (lower-case hex; {@link #GENESIS} for the first event), the
 * position in the chain (decimal, from 1), event id, organization id, time ({@link
 * Instant#toString()}, UTC, at most microseconds), action, actor, target type, target id, detail.
 * The hash is written as 64 lower-case hex digits.
 */
final class AuditChain {
  /** What the first event of every chain links to: 64 zeros. */
  static final String GENESIS = "0".repeat(64);

  private static final byte[] DOMAIN = "chainloop-audit-1".getBytes(StandardCharsets.US_ASCII);

  private AuditChain() {}

  static String hash(
      String previousHash,
      long position,
      String id,
      String organizationId,
      Instant occurredAt,
      String action,
      String actor,
      String targetType,
      String targetId,
      String detail,
      String requestId) {
    MessageDigest sha256 = Sha256.newDigest();
    sha256.update(DOMAIN);
    for (String field :
        new String[] {
          previousHash,
          Long.toString(position),
          id,
          organizationId,
          occurredAt == null ? null : occurredAt.toString(),
          action,
          actor,
          targetType,
          targetId,
          detail
        }) {
      update(sha256, field);
    }
    // Events from before request ids hash as they did; a request id, once recorded, is covered.
    if (requestId != null) {
      update(sha256, requestId);
    }
    return HexFormat.of().formatHex(sha256.digest());
  }

  private static void update(MessageDigest sha256, String field) {
    if (field == null) {
      sha256.update((byte) 0);
    } else {
      byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
      sha256.update((byte) 1);
      sha256.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
      sha256.update(bytes);
    }
  }
}
