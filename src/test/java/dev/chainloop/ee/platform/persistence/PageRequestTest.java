package dev.chainloop.ee.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chainloop.ee.platform.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class PageRequestTest {
  @Test
  void unpagedListsDefaultToTheMaximumAndRefuseMoreOrLessThanOne() {
    assertThat(PageRequest.limitOf(null)).isEqualTo(Page.MAX_PAGE_SIZE);
    assertThat(PageRequest.limitOf(1)).isEqualTo(1);
    assertThat(PageRequest.limitOf(100)).isEqualTo(100);
    assertThatThrownBy(() -> PageRequest.limitOf(101))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> PageRequest.limitOf(0)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void pagesStartAtOneAndSizesAreCapped() {
    assertThat(PageRequest.of(null, null, 50)).isEqualTo(new PageRequest(1, 50));
    assertThat(PageRequest.of(3, 20, 50).offset()).isEqualTo(40);
    assertThatThrownBy(() -> PageRequest.of(0, 20, 50)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> PageRequest.of(1, 101, 50)).isInstanceOf(InvalidInputException.class);
  }
}
