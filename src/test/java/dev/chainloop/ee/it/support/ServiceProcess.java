package dev.chainloop.ee.it.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * A third-party server a test starts as its own process (a registry, s3proxy): its output in {@code
 * <dir>/<name>.log}, its pid in {@code <dir>/<name>.pid} for {@code .ci/run}'s cleanup, and stopped
 * by {@link #close} or, if the test JVM dies first, by a shutdown hook.
 */
public final class ServiceProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path log;
  private final Path pidFile;
  private final Thread hook;

  private ServiceProcess(String name, Process process, Path log, Path pidFile) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.pidFile = pidFile;
    this.hook = new Thread(process::destroyForcibly);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Starts {@code command}, then waits until {@code ready} holds (stopping it if it never does).
   */
  public static ServiceProcess start(
      String name, List<String> command, Path dir, Duration timeout, Callable<Boolean> ready)
      throws IOException {
    Files.createDirectories(dir);
    Path log = dir.resolve(name + ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Path pidFile = dir.resolve(name + ".pid");
    Files.writeString(pidFile, Long.toString(process.pid()));
    ServiceProcess started = new ServiceProcess(name, process, log, pidFile);
    try {
      await(name + " ready")
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(200))
          .ignoreExceptions()
          .until(() -> process.isAlive() && ready.call());
    } catch (RuntimeException e) {
      started.close();
      throw new IOException(name + " did not start; see " + log, e);
    }
    return started;
  }

  public long pid() {
    return process.pid();
  }

  /** Whether something accepts connections on the loopback {@code port}. */
  public static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException ignored) {
      // .ci/run's cleanup tolerates a stale pid file
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ", log " + log + ")";
  }
}
