package dev.chainloop.ee.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Liberty server of a test's own, made from the IT server's directory as a user would deploy into
 * an existing Liberty: the configuration, application and libraries are copied, but not what {@code
 * server create} generated ({@code server.env} with its keystore password) nor any state. It gets
 * its own name, ports and data directory.
 */
public final class ExtraServer {
  private static final Path WLP = Path.of("target/liberty/wlp").toAbsolutePath();
  private static final Set<String> NOT_COPIED =
      Set.of("workarea", "logs", "tranlog", "resources", "derby.log", "server.env");

  private final String name;
  private final int port;
  private final Path dir;
  private final Path data;

  private ExtraServer(String name, int port, Path data) {
    this.name = name;
    this.port = port;
    this.dir = WLP.resolve("usr/servers/" + name);
    this.data = data;
  }

  /**
   * Copies the IT server as {@code name}; {@code jvmOptions} replaces every IT server JVM option
   * that starts with one of {@code dropPrefixes}.
   */
  public static ExtraServer copyOfItServer(
      String name, int port, Path data, List<String> dropPrefixes, List<String> jvmOptions)
      throws IOException {
    ExtraServer server = new ExtraServer(name, port, data.toAbsolutePath());
    Path template =
        WLP.resolve(
            "usr/servers/" + System.getProperty("chainloop.test.server.name", "chainloop-it"));
    deleteTree(server.dir);
    deleteTree(server.data);
    try (Stream<Path> files = Files.walk(template)) {
      for (Path from : (Iterable<Path>) files::iterator) {
        Path rel = template.relativize(from);
        if (rel.getNameCount() > 0 && NOT_COPIED.contains(rel.getName(0).toString())) {
          continue;
        }
        Path to = server.dir.resolve(rel.toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    server.rewrite(
        "bootstrap.properties",
        List.of("http.port", "https.port", "chainloop.data.dir"),
        List.of(
            "http.port=" + port, "https.port=" + (port + 1), "chainloop.data.dir=" + server.data));
    List<String> drop = new ArrayList<>(dropPrefixes);
    drop.add("-Dchainloop.data.dir");
    drop.add("-Dchainloop.keys.dir");
    List<String> add = new ArrayList<>(jvmOptions);
    add.add("-Dchainloop.data.dir=" + server.data);
    server.rewrite("jvm.options", drop, add);
    return server;
  }

  public String url() {
    return "http://localhost:" + port;
  }

  public Path dir() {
    return dir;
  }

  public Path messagesLog() {
    return dir.resolve("logs/messages.log");
  }

  /** {@code server start}, which returns once the server has started (not necessarily ready). */
  public void start(Map<String, String> environment) throws Exception {
    start(environment, false);
  }

  /**
   * {@code server start --clean}: the workarea holds the configuration of the last start (a deleted
   * dropin would otherwise still apply).
   */
  public void startClean(Map<String, String> environment) throws Exception {
    start(environment, true);
  }

  private void start(Map<String, String> environment, boolean clean) throws Exception {
    List<String> command =
        new ArrayList<>(List.of(WLP.resolve("bin/server").toString(), "start", name));
    if (clean) {
      command.add("--clean");
    }
    ProcessBuilder start = new ProcessBuilder(command);
    start.environment().putAll(environment);
    run(start);
  }

  public void awaitReady(Duration timeout) {
    await(name + " ready")
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions() // not listening yet
        .until(() -> Api.anonymous().on(url()).get("/health/ready").status() == 200);
  }

  public void stop() throws Exception {
    run(new ProcessBuilder(WLP.resolve("bin/server").toString(), "stop", name));
    process().ifPresent(ProcessHandle::destroyForcibly);
  }

  /** The server's JVM, found by its command line. */
  public Optional<ProcessHandle> process() {
    return ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .map(
                        c ->
                            c.contains(WLP.toString())
                                && c.contains("ws-server")
                                && c.endsWith(" " + name))
                    .orElse(false))
        .findFirst();
  }

  private void run(ProcessBuilder command) throws Exception {
    Process p =
        command
            .redirectErrorStream(true)
            .redirectOutput(Path.of("target", name + "-script.log").toFile())
            .start();
    assertThat(p.waitFor(150, TimeUnit.SECONDS)).as(String.join(" ", command.command())).isTrue();
  }

  private void rewrite(String file, List<String> dropPrefixes, List<String> add)
      throws IOException {
    Path path = dir.resolve(file);
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(path)) {
      if (dropPrefixes.stream().noneMatch(line::startsWith)) {
        lines.add(line);
      }
    }
    lines.addAll(add);
    Files.write(path, lines);
  }

  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      files
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
