package dev.chainloop.ee.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableTest {

  @Test
  void listTableHasUpperCaseHeaderAndSeparatorAfterIt() {
    String rendered =
        Table.withHeader("Name", "Last used at")
            .row("ci", "")
            .row("release-bot", "13 May 24 11:08 UTC")
            .render();

    assertThat(rendered)
        .isEqualTo(
            """
            ┌─────────────┬─────────────────────┐
            │ NAME        │ LAST USED AT        │
            ├─────────────┼─────────────────────┤
            │ ci          │                     │
            │ release-bot │ 13 May 24 11:08 UTC │
            └─────────────┴─────────────────────┘
            """);
  }

  @Test
  void describeTableHasNoHeaderAndKeepsExplicitSeparators() {
    String rendered =
        Table.describe()
            .row("Initialized At", "13 May 24 12:23 UTC")
            .separator()
            .row("Attestation ID", "810472ab")
            .row("Team", "")
            .render();

    assertThat(rendered)
        .isEqualTo(
            """
            ┌────────────────┬─────────────────────┐
            │ Initialized At │ 13 May 24 12:23 UTC │
            ├────────────────┼─────────────────────┤
            │ Attestation ID │ 810472ab            │
            │ Team           │                     │
            └────────────────┴─────────────────────┘
            """);
  }

  @Test
  void titleSpansTheWholeTable() {
    String rendered =
        Table.describe().title("Current Context").row("Logged in as", "jane@acme.io").render();

    assertThat(rendered)
        .isEqualTo(
            """
            ┌─────────────────────────────┐
            │ Current Context             │
            ├──────────────┬──────────────┤
            │ Logged in as │ jane@acme.io │
            └──────────────┴──────────────┘
            """);
  }

  @Test
  void widthsFollowDisplayWidthNotCharCount() {
    String rendered = Table.withHeader("n").row("日本").row("é").render();

    assertThat(rendered.lines().toList())
        .containsExactly("┌──────┐", "│ N    │", "├──────┤", "│ 日本 │", "│ é    │", "└──────┘");
  }

  @Test
  void multiLineCellsGrowTheRow() {
    String rendered =
        Table.describe().row("Organization", "acme (role=owner)\nauto-revoke: 30 days").render();

    assertThat(rendered.lines().toList())
        .containsExactly(
            "┌──────────────┬──────────────────────┐",
            "│ Organization │ acme (role=owner)    │",
            "│              │ auto-revoke: 30 days │",
            "└──────────────┴──────────────────────┘");
  }
}
