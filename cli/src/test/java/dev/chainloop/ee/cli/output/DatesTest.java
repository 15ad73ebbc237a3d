package dev.chainloop.ee.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DatesTest {
  @Test
  void formatsAsGoRfc822InUtc() {
    assertThat(Dates.rfc822(Instant.parse("2024-05-13T11:08:59Z")))
        .isEqualTo("13 May 24 11:08 UTC");
    assertThat(Dates.rfc822("2026-03-03T11:06:00Z")).isEqualTo("03 Mar 26 11:06 UTC");
  }

  @Test
  void convertsOffsetsToUtc() {
    assertThat(Dates.rfc822("2024-05-13T13:08:00+02:00")).isEqualTo("13 May 24 11:08 UTC");
  }

  @Test
  void emptyForMissingAndRawForGarbage() {
    assertThat(Dates.rfc822((String) null)).isEmpty();
    assertThat(Dates.rfc822("")).isEmpty();
    assertThat(Dates.rfc822("yesterday")).isEqualTo("yesterday");
  }
}
