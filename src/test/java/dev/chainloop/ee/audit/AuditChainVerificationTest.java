package dev.chainloop.ee.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link AuditChainVerification.Walk} over chains built by {@link AuditChainHead#append}. */
class AuditChainVerificationTest {
  private static final String ORG = "9d1e7c2a-0000-4000-8000-00000000000a";

  private AuditChainHead head;
  private List<AuditEvent> events;

  @BeforeEach
  void fiveEvents() {
    head = new AuditChainHead(ORG);
    events = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      AuditEvent e =
          new AuditEvent(
              AuditEntry.of("workflow.created")
                  .in(ORG)
                  .by("owner@example.com")
                  .on("workflow", "wf-" + i)
                  .detail("name=wf-" + i),
              Instant.parse("2026-12-02T19:55:49.123456789Z").plusSeconds(i));
      head.append(e);
      events.add(e);
    }
  }

  private AuditChainVerification walk(List<AuditEvent> chain) {
    AuditChainVerification.Walk walk = new AuditChainVerification.Walk();
    String last = null;
    for (AuditEvent e : chain) {
      if (!walk.accept(e)) {
        break;
      }
      last = e.getId();
    }
    return walk.end(head.lastPosition(), head.lastHash(), 2, last);
  }

  private static void set(AuditEvent e, String field, Object value) throws Exception {
    Field f = AuditEvent.class.getDeclaredField(field);
    f.setAccessible(true);
    f.set(e, value);
  }

  @Test
  void untouchedChainIsIntactWithItsCounts() {
    AuditChainVerification v = walk(events);
    assertThat(v.intact()).isTrue();
    assertThat(v.events()).isEqualTo(5);
    assertThat(v.legacyEvents()).isEqualTo(2);
    assertThat(v.headHash()).isEqualTo(events.get(4).getHash());
    assertThat(events.get(0).getPreviousHash()).isEqualTo(AuditChain.GENESIS);
    assertThat(events.get(3).getPreviousHash()).isEqualTo(events.get(2).getHash());
  }

  @Test
  void editedDetailIsNamedWithExpectedAndFoundHash() throws Exception {
    set(events.get(2), "detail", "name=something-else");
    AuditChainVerification.BrokenLink broken = walk(events).brokenLink().orElseThrow();
    assertThat(broken.eventId()).isEqualTo(events.get(2).getId());
    assertThat(broken.position()).isEqualTo(3);
    assertThat(broken.found()).isEqualTo(events.get(2).getHash());
    assertThat(broken.expected())
        .isEqualTo(events.get(2).computeHash())
        .isNotEqualTo(broken.found());
  }

  @Test
  void editWhoseHashWasRecomputedBreaksTheNextLink() throws Exception {
    set(events.get(1), "actor", "someone-else@example.com");
    set(events.get(1), "hash", events.get(1).computeHash());
    AuditChainVerification.BrokenLink broken = walk(events).brokenLink().orElseThrow();
    assertThat(broken.eventId()).isEqualTo(events.get(2).getId());
    assertThat(broken.position()).isEqualTo(3);
    assertThat(broken.reason()).contains("previous hash");
  }

  @Test
  void deletedEventIsNamedByItsPosition() {
    events.remove(1);
    AuditChainVerification.BrokenLink broken = walk(events).brokenLink().orElseThrow();
    assertThat(broken.position()).isEqualTo(2);
    assertThat(broken.found()).isEqualTo("position 3");
  }

  @Test
  void deletedNewestEventsAreCaughtByTheHead() {
    AuditChainVerification.BrokenLink broken =
        walk(events.subList(0, 3)).brokenLink().orElseThrow();
    assertThat(broken.position()).isEqualTo(4);
    assertThat(broken.eventId()).isNull();
  }

  @Test
  void swappedEventsBreakTheChain() {
    AuditEvent second = events.remove(1);
    events.add(2, second);
    assertThat(walk(events).intact()).isFalse();
  }

  @Test
  void timeIsKeptToTheMicrosecondThePostgresColumnHolds() {
    assertThat(events.get(0).getOccurredAt()).isEqualTo("2026-12-02T19:55:49.123456Z");
  }
}
