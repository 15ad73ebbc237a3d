package dev.chainloop.ee.cli.framework;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.cli.CliRunner;
import dev.chainloop.ee.cli.commands.Commands;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class HelpTest {
  @TempDir Path home;

  @Test
  void apiTokenHelpStartsWithTheUpstreamBlockLineByLine() throws IOException {
    List<String> expected;
    try (InputStream in = getClass().getResourceAsStream("/help/organization-api-token.txt")) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }

    CliRunner.Result result = new CliRunner(home).run("organization", "api-token", "-h");

    assertThat(result.code()).isZero();
    List<String> actual = result.out().lines().toList();
    assertThat(actual.size()).isGreaterThan(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i)).as("line %d", i + 1).isEqualTo(expected.get(i));
    }
    List<String> rest = actual.subList(expected.size(), actual.size());
    assertThat(rest.subList(0, 4))
        .containsExactly("", "Flags:", "  -h, --help   help for api-token", "");
    assertThat(rest.get(4)).isEqualTo("Global Flags:");
    assertThat(rest)
        .contains(
            "      --control-plane string      URL or host:port of the Control Plane API"
                + " (\"CHAINLOOP_CONTROL_PLANE_API\" env var) (default \"http://localhost:9080\")");
    assertThat(rest.get(rest.size() - 2)).isEmpty();
    assertThat(rest.get(rest.size() - 1))
        .isEqualTo(
            "Use \"chainloop organization api-token [command] --help\" for more information about a command.");
  }

  @Test
  void aliasesReachTheSameHelp() {
    CliRunner cli = new CliRunner(home);
    assertThat(cli.run("org", "token", "--help").out())
        .isEqualTo(cli.run("organization", "api-token", "-h").out());
  }

  @Test
  void leafHelpShowsUsageAliasesAndFlags() {
    CliRunner.Result result = new CliRunner(home).run("org", "token", "ls", "-h");

    assertThat(result.code()).isZero();
    assertThat(result.out())
        .startsWith(
            """
            List API tokens in this organization

            Usage:
              chainloop organization api-token list [flags]

            Aliases:
              list, ls

            Flags:
              -a, --all              show all API tokens including revoked ones (deprecated, use --status all)
              -h, --help             help for list
            """)
        .contains(
            "      --status string    filter by status: active, revoked or all (default \"active\")\n")
        .contains("\nGlobal Flags:\n");
  }

  @Test
  void groupWithoutSubcommandPrintsHelp() {
    CliRunner.Result result = new CliRunner(home).run("organization");
    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("Usage:\n  chainloop organization [command]");
  }

  @TestFactory
  Stream<DynamicTest> everyRegisteredCommandHasHelp() {
    List<List<String>> paths = new ArrayList<>();
    collect(Commands.root(), new ArrayList<>(), paths);
    return paths.stream()
        .map(
            path ->
                DynamicTest.dynamicTest(
                    String.join(" ", path) + " -h",
                    () -> {
                      List<String> args = new ArrayList<>(path);
                      args.add("-h");
                      CliRunner.Result result =
                          new CliRunner(home).run(args.toArray(String[]::new));
                      assertThat(result.code()).as(result.err()).isZero();
                      assertThat(result.err()).isEmpty();
                      assertThat(result.out())
                          .contains(
                              "Usage:\n  chainloop"
                                  + (path.isEmpty() ? "" : " " + String.join(" ", path)));
                      assertThat(result.out()).contains("-h, --help");
                    }));
  }

  private static void collect(CommandNode node, List<String> prefix, List<List<String>> out) {
    out.add(List.copyOf(prefix));
    if (node instanceof CommandGroup group) {
      for (CommandNode child : group.children()) {
        List<String> next = new ArrayList<>(prefix);
        next.add(child.name());
        collect(child, next, out);
      }
    }
  }
}
