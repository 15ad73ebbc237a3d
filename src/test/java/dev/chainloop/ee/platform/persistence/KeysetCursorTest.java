package dev.chainloop.ee.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chainloop.ee.platform.error.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeysetCursorTest {
  @Test
  void aCursorComesBackAsTheSamePosition() {
    KeysetCursor cursor =
        new KeysetCursor(
            Instant.parse("2026-01-01T10:00:00.123456789Z"),
            "3f2b8c1e-0d4a-4c4e-9d2f-5a1b2c3d4e5f");
    assertThat(KeysetCursor.decode(cursor.encode())).isEqualTo(cursor);
  }

  @Test
  void aMillisecondCursorFromBeforeFullPrecisionIsStillRead() {
    String legacy =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "1767261600123|3f2b8c1e-0d4a-4c4e-9d2f-5a1b2c3d4e5f"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(KeysetCursor.decode(legacy))
        .isEqualTo(
            new KeysetCursor(
                Instant.parse("2026-01-01T10:00:00.123Z"), "3f2b8c1e-0d4a-4c4e-9d2f-5a1b2c3d4e5f"));
  }

  @Test
  void anythingElseIsAnInvalidNextParameter() {
    for (String text : new String[] {"", "not-base64!", "MTIz", "YWJjfGRlZg"}) {
      assertThatThrownBy(() -> KeysetCursor.decode(text))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("next: invalid cursor");
    }
  }
}
