package dev.chainloop.ee.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.cli.CliRunner;
import dev.chainloop.ee.cli.FakeControlPlane;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineErrorsTest {
  @TempDir Path home;

  @Test
  void unknownCommandIsOneErrLine() {
    CliRunner.Result r = new CliRunner(home).run("org", "frobnicate");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo("ERR unknown command \"frobnicate\" for \"chainloop organization\"\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void unknownFlagIsOneErrLine() {
    CliRunner.Result r = new CliRunner(home).run("org", "token", "list", "--nope");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("ERR unknown flag: --nope\n");
  }

  @Test
  void missingRequiredFlagIsOneErrLine() {
    CliRunner.Result r = new CliRunner(home).run("org", "token", "create");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("ERR required flag(s) \"name\" not set\n");
  }

  @Test
  void prefixesOfFlagsAreNotGuessed() {
    assertThat(new CliRunner(home).run("org", "token", "create", "--na", "x").err())
        .isEqualTo("ERR unknown flag: --na\n");
  }

  @Test
  void versionWithoutServerPrintsClientVersionAndWarns() {
    CliRunner.Result r =
        new CliRunner(home).run("version", "--control-plane", "http://127.0.0.1:1");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("Client Version: 0.1.0\n");
    assertThat(r.err()).startsWith("WRN ").contains("connection refused");
  }

  @Test
  void versionShowsTheServerVersion() throws Exception {
    try (FakeControlPlane server = new FakeControlPlane()) {
      server.json(
          "GET /api/v1/status", 200, "{\"version\":\"0.1.0-server\",\"signupMode\":\"open\"}");
      CliRunner.Result r = new CliRunner(home).run("version", "--control-plane", server.url());
      assertThat(r.out()).isEqualTo("Client Version: 0.1.0\nServer Version: 0.1.0-server\n");
      assertThat(server.lastRequest().header("Authorization")).isNull();
    }
  }

  @Test
  void runIsSafeToCallConcurrently() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<CliRunner.Result>> calls =
          IntStream.range(0, 16)
              .<Callable<CliRunner.Result>>mapToObj(
                  i -> () -> new CliRunner(home).run("org", "token", "-h"))
              .toList();
      String expected = new CliRunner(home).run("org", "token", "-h").out();
      for (Future<CliRunner.Result> f : pool.invokeAll(calls)) {
        assertThat(f.get().out()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
