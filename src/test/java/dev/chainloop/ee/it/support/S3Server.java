package dev.chainloop.ee.it.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real S3 API server for the tests: {@code org.gaul:s3proxy} (copied to {@code target/s3proxy/}
 * by the build) on its filesystem backend, as a separate JVM on a free loopback port with AWS
 * signature auth, one directory per bucket under {@link #storageDir}. Its pid is written to {@code
 * <dataDir>/s3proxy.pid} for {@code .ci/run}'s cleanup; {@link #close} (or a shutdown hook, if a
 * test run dies first) stops it.
 */
public final class S3Server implements AutoCloseable {
  private final Process process;
  private final int port;
  private final String accessKey;
  private final String secretKey;
  private final Path storage;
  private final Path pidFile;
  private final Thread hook;

  private S3Server(
      Process process, int port, String accessKey, String secretKey, Path storage, Path pidFile) {
    this.process = process;
    this.port = port;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.storage = storage;
    this.pidFile = pidFile;
    this.hook = new Thread(process::destroyForcibly);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Starts s3proxy keeping its buckets under {@code dataDir/storage}, with these credentials. */
  public static S3Server start(Path dataDir, String accessKey, String secretKey)
      throws IOException {
    Path jar = Path.of(System.getProperty("s3proxy.jar", "target/s3proxy/s3proxy.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IOException(jar + " is missing: the build copies it in process-test-resources");
    }
    Files.createDirectories(dataDir);
    Path storage = Files.createDirectories(dataDir.resolve("storage"));
    int port = freePort();
    Path properties = dataDir.resolve("s3proxy.properties");
    Files.writeString(
        properties,
        """
        s3proxy.endpoint=http://127.0.0.1:%d
        s3proxy.authorization=aws-v2-or-v4
        s3proxy.identity=%s
        s3proxy.credential=%s
        jclouds.provider=filesystem
        jclouds.filesystem.basedir=%s
        """
            .formatted(port, accessKey, secretKey, storage));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-Xmx128m",
                "-jar",
                jar.toString(),
                "--properties",
                properties.toString())
            .redirectErrorStream(true)
            .redirectOutput(dataDir.resolve("s3proxy.log").toFile())
            .start();
    Path pidFile = dataDir.resolve("s3proxy.pid");
    Files.writeString(pidFile, Long.toString(process.pid()));
    S3Server server = new S3Server(process, port, accessKey, secretKey, storage, pidFile);
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> process.isAlive() && server.answers());
    } catch (RuntimeException e) {
      server.close();
      throw new IOException("s3proxy did not start; see " + dataDir.resolve("s3proxy.log"), e);
    }
    return server;
  }

  /** Creates a bucket the way the filesystem backend keeps one: a directory. */
  public Path createBucket(String name) throws IOException {
    return Files.createDirectories(storage.resolve(name));
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  public String accessKey() {
    return accessKey;
  }

  public String secretKey() {
    return secretKey;
  }

  /** Where an object lands: {@code storage/<bucket>/<key>}. */
  public Path storageDir() {
    return storage;
  }

  private boolean answers() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
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
}
