package dev.chainloop.ee.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real S3 API server for the tests: {@code org.gaul:s3proxy} (copied to {@code target/s3proxy/}
 * by the build) on its filesystem backend, as a separate JVM on a free loopback port with AWS
 * signature auth, one directory per bucket under {@link #storageDir}; a {@link ServiceProcess} (pid
 * file {@code <dataDir>/s3proxy.pid}).
 */
public final class S3Server implements AutoCloseable {
  private final ServiceProcess process;
  private final int port;
  private final String accessKey;
  private final String secretKey;
  private final Path storage;

  private S3Server(
      ServiceProcess process, int port, String accessKey, String secretKey, Path storage) {
    this.process = process;
    this.port = port;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.storage = storage;
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
    int port = ServiceProcess.freePort();
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
    ServiceProcess process =
        ServiceProcess.start(
            "s3proxy",
            List.of(
                java.toString(),
                "-Xmx128m",
                "-jar",
                jar.toString(),
                "--properties",
                properties.toString()),
            dataDir,
            Duration.ofSeconds(60),
            () -> ServiceProcess.listening(port));
    return new S3Server(process, port, accessKey, secretKey, storage);
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

  @Override
  public void close() {
    process.close();
  }
}
