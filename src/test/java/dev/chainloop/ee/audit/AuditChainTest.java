package dev.chainloop.ee.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The documented encoding of {@link AuditChain}: the expected hashes were computed by a separate
 * implementation of the Javadoc (Python's hashlib), not by this code.
 */
class AuditChainTest {
  private static final Instant AT = Instant.parse("2026-12-02T19:55:49.123456Z");

  private static final String[] FIELDS = {
    AuditChain.GENESIS,
    "3f2b1c9e-0000-4000-8000-000000000001",
    "9d1e7c2a-0000-4000-8000-00000000000a",
    "api_token.created",
    "owner@example.com",
    "api_token",
    "tok-1",
    "name=ci — ü"
  };

  private static String hash(String[] f, long position, Instant at) {
    return AuditChain.hash(f[0], position, f[1], f[2], at, f[3], f[4], f[5], f[6], f[7], null);
  }

  @Test
  void hashMatchesTheDocumentedEncoding() {
    assertThat(hash(FIELDS, 1, AT))
        .isEqualTo("fcf5c75d6ebb20b595a0901d51030d44e0c8d7956ded8e01fba8e824989c0248");
    assertThat(
            AuditChain.hash(
                AuditChain.GENESIS,
                1,
                "id",
                null,
                Instant.parse("2026-12-02T19:55:49Z"),
                "auth.login.failed",
                "x@example.com",
                "user",
                null,
                "from 127.0.0.1",
                null))
        .isEqualTo("eacd3fd4201b4acb4f2b4dedbd73f66f1ef611f1ad99f0a1d32c02460782e9cb");
  }

  @Test
  void eventsWithoutARequestIdHashAsBeforeAndARecordedOneIsCovered() {
    String f0 = FIELDS[0];
    String withId =
        AuditChain.hash(
            f0, 1, FIELDS[1], FIELDS[2], AT, FIELDS[3], FIELDS[4], FIELDS[5], FIELDS[6], FIELDS[7],
            "req-1");
    assertThat(withId).isNotEqualTo(hash(FIELDS, 1, AT));
    assertThat(
            AuditChain.hash(
                f0, 1, FIELDS[1], FIELDS[2], AT, FIELDS[3], FIELDS[4], FIELDS[5], FIELDS[6],
                FIELDS[7], "req-2"))
        .isNotEqualTo(withId);
  }

  @Test
  void genesisIsSixtyFourZeros() {
    assertThat(AuditChain.GENESIS).hasSize(64).matches("0+");
  }

  @Test
  void everyFieldChangesTheHash() {
    Set<String> hashes = new HashSet<>();
    hashes.add(hash(FIELDS, 1, AT));
    for (int i = 0; i < FIELDS.length; i++) {
      String[] edited = FIELDS.clone();
      edited[i] = edited[i] + "x";
      hashes.add(hash(edited, 1, AT));
    }
    hashes.add(hash(FIELDS, 2, AT));
    hashes.add(hash(FIELDS, 1, AT.plusNanos(1000)));
    assertThat(hashes).hasSize(FIELDS.length + 3);
  }

  @Test
  void fieldBoundariesAreUnambiguous() {
    String[] left = FIELDS.clone();
    left[5] = "ab";
    left[6] = "c";
    String[] right = FIELDS.clone();
    right[5] = "a";
    right[6] = "bc";
    assertThat(hash(left, 1, AT)).isNotEqualTo(hash(right, 1, AT));
  }

  @Test
  void nullDiffersFromEmpty() {
    List<String> hashes = new ArrayList<>();
    for (String value : Arrays.asList(null, "")) {
      String[] f = FIELDS.clone();
      f[7] = value;
      hashes.add(hash(f, 1, AT));
    }
    assertThat(hashes.get(0)).isNotEqualTo(hashes.get(1));
  }

  @Test
  void hashIsLowerCaseHex() {
    assertThat(hash(FIELDS, 1, AT)).matches("[0-9a-f]{64}");
  }
}
