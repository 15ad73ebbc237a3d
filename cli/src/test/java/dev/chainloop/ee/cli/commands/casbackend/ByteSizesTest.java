package dev.chainloop.ee.cli.commands.casbackend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chainloop.ee.cli.framework.UsageException;
import org.junit.jupiter.api.Test;

class ByteSizesTest {
  @Test
  void upstreamsUnitsArePowersOf1024() {
    assertThat(ByteSizes.parse("max-bytes", "100MB")).isEqualTo(100L * 1024 * 1024);
    assertThat(ByteSizes.parse("max-bytes", "1GiB")).isEqualTo(1024L * 1024 * 1024);
    assertThat(ByteSizes.parse("max-bytes", "512k")).isEqualTo(512L * 1024);
    assertThat(ByteSizes.parse("max-bytes", "1.5G")).isEqualTo(1536L * 1024 * 1024);
    assertThat(ByteSizes.parse("max-bytes", "2048B")).isEqualTo(2048);
  }

  @Test
  void aNumberWithoutUnitOrNothingPositiveIsRefusedNamingTheFlag() {
    assertThatThrownBy(() -> ByteSizes.parse("max-bytes", "100"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("invalid --max-bytes format");
    assertThatThrownBy(() -> ByteSizes.parse("max-bytes", "0MB"))
        .isInstanceOf(UsageException.class);
    assertThatThrownBy(() -> ByteSizes.parse("max-bytes", "ten MB"))
        .isInstanceOf(UsageException.class);
  }

  @Test
  void sizesPrintAsUpstreamsListDoes() {
    assertThat(ByteSizes.format(100L * 1024 * 1024)).isEqualTo("100M");
    assertThat(ByteSizes.format(512000)).isEqualTo("500K");
    assertThat(ByteSizes.format(1536L * 1024 * 1024)).isEqualTo("1.5G");
    assertThat(ByteSizes.format(12)).isEqualTo("12B");
  }
}
