package dev.chainloop.ee.audit;

import java.util.Optional;

/**
 * The outcome of checking one organization's audit chain: how many linked events were checked, how
 * many legacy (unlinked, pre-chain) events there are, the hash the chain ends in, and the first
 * broken link if there is one.
 */
public record AuditChainVerification(
    long events, long legacyEvents, String headHash, Optional<BrokenLink> brokenLink) {

  /**
   * Where the chain first stops holding: the event at {@code position} (its id; null when the event
   * is missing altogether), what was expected there and what was found.
   */
  public record BrokenLink(
      String eventId, long position, String reason, String expected, String found) {}

  public boolean intact() {
    return brokenLink.isEmpty();
  }

  /**
   * Walks a chain's events in position order and stops at the first that does not link; {@link
   * #end} then compares the walk's end with the chain head.
   */
  static final class Walk {
    private long position;
    private String hash = AuditChain.GENESIS;
    private BrokenLink broken;

    /** Checks the next event; false once the chain is broken (later events are not looked at). */
    boolean accept(AuditEvent e) {
      if (broken != null) {
        return false;
      }
      long expected = position + 1;
      if (e.getChainPosition() != expected) {
        broken =
            new BrokenLink(
                e.getId(),
                expected,
                "event missing: the next event found is at another position",
                "position " + expected,
                "position " + e.getChainPosition());
      } else if (!hash.equals(e.getPreviousHash())) {
        broken =
            new BrokenLink(
                e.getId(),
                expected,
                "previous hash does not match the hash of the event before it",
                hash,
                e.getPreviousHash());
      } else {
        String computed = e.computeHash();
        if (!computed.equals(e.getHash())) {
          broken =
              new BrokenLink(
                  e.getId(),
                  expected,
                  "event content does not match its hash (edited)",
                  computed,
                  e.getHash());
        }
      }
      if (broken != null) {
        return false;
      }
      position = expected;
      hash = e.getHash();
      return true;
    }

    boolean broken() {
      return broken != null;
    }

    long position() {
      return position;
    }

    /** The verdict, given where the head row says the chain ends. */
    AuditChainVerification end(
        long headPosition, String headHash, long legacyEvents, String lastEventId) {
      if (broken == null && (position != headPosition || !hash.equals(headHash))) {
        boolean missing = position < headPosition;
        broken =
            new BrokenLink(
                missing ? null : lastEventId,
                missing ? position + 1 : position,
                "the chain head records "
                    + headPosition
                    + " events but the log ends after "
                    + position
                    + " (newest events deleted?)",
                headHash,
                hash);
      }
      return new AuditChainVerification(
          position, legacyEvents, headHash, Optional.ofNullable(broken));
    }
  }
}
