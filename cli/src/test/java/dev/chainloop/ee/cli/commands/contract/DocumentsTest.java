package dev.chainloop.ee.cli.commands.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentsTest {
  @Test
  void splitsOnSeparatorLinesAndDropsEmptyDocuments() {
    String stream =
        "---\n# comment\n---\nkind: Contract\nname: a\n---\nkind: Contract\nname: b\n...\n";
    assertThat(Documents.split(stream))
        .containsExactly("kind: Contract\nname: a\n", "kind: Contract\nname: b\n...\n");
  }
}
