package dev.chainloop.ee.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chainloop.ee.platform.error.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunCursorTest {
  @Test
  void aCursorComesBackAsTheSamePosition() {
    RunCursor cursor =
        new RunCursor(
            Instant.parse("2026-01-01T10:00:00.123Z"), "3f2b8c1e-0d4a-4c4e-9d2f-5a1b2c3d4e5f");
    assertThat(RunCursor.decode(cursor.encode())).isEqualTo(cursor);
  }

  @Test
  void anythingElseIsAnInvalidNextParameter() {
    for (String text : new String[] {"", "not-base64!", "MTIz", "YWJjfGRlZg"}) {
      assertThatThrownBy(() -> RunCursor.decode(text))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("next: invalid cursor");
    }
  }
}
