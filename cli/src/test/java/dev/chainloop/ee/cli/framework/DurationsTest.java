package dev.chainloop.ee.cli.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
    "1h, PT1H, 1h",
    "24h, PT24H, 24h",
    "178h, PT178H, 178h",
    "30d, PT720H, 720h",
    "2w, PT336H, 336h",
    "90m, PT1H30M, 90m",
    "1h30m, PT1H30M, 90m"
  })
  void parsesUnitsAndWritesWireForm(String text, String iso, String wire) {
    Duration d = Durations.parse(text);
    assertThat(d).isEqualTo(Duration.parse(iso));
    assertThat(Durations.toWire(d)).isEqualTo(wire);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "0h",
        "0d",
        "-1h",
        "-24h",
        "abc",
        "",
        "1",
        "h",
        "1y",
        "1.5h",
        "24 h",
        "99999999999999999999w"
      })
  void rejectsZeroNegativeAndGarbage(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("invalid duration \"" + text + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"30s", "1h1s"})
  void wireFormNeedsWholeMinutes(String text) {
    assertThatThrownBy(() -> Durations.toWire(Durations.parse(text)))
        .isInstanceOf(UsageException.class);
  }
}
