package dev.chainloop.ee.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chainloop.ee.platform.config.Durations;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
  @ParameterizedTest
  @CsvSource({
    "1h,3600",
    "24h,86400",
    "178h,640800",
    "30d,2592000",
    "2w,1209600",
    "1h30m,5400",
    "90s,90",
    "0,0"
  })
  void parsesGoStyleAndHumanUnits(String text, long seconds) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofSeconds(seconds));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-1h", "garbage", "10x", "h", "1.5h", "99999999999999999999d"})
  void rejectsAnythingElseWithAHelpfulMessage(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duration");
  }

  @ParameterizedTest
  @CsvSource({"720h,720h", "90m,90m", "45s,45s"})
  void formatsBack(String text, String formatted) {
    assertThat(Durations.format(Durations.parse(text))).isEqualTo(formatted);
  }
}
