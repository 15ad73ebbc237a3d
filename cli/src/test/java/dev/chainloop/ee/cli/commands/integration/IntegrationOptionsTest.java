package dev.chainloop.ee.cli.commands.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chainloop.ee.cli.framework.UsageException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --opt} as upstream reads it: repeated, or several pairs in one flag. */
class IntegrationOptionsTest {
  @Test
  void pairsMayBeRepeatedOrJoinedByCommas() {
    var options =
        IntegrationOptions.parse(
            List.of("instanceURI=https://dt.example.com/a,b", "apiKey=k=1,username=chainloop"));
    assertThat(options.getString("instanceURI")).isEqualTo("https://dt.example.com/a,b");
    assertThat(options.getString("apiKey")).isEqualTo("k=1");
    assertThat(options.getString("username")).isEqualTo("chainloop");
  }

  @Test
  void aFlagWithoutKeyIsRefused() {
    assertThatThrownBy(() -> IntegrationOptions.parse(List.of("=value")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("key=value");
  }
}
