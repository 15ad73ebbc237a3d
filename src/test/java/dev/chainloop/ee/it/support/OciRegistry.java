package dev.chainloop.ee.it.support;

import static org.awaitility.Awaitility.await;

import dev.chainloop.ee.shared.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OCI registry for the tests: Debian's {@code docker-registry} (CNCF Distribution 2.8) on a
 * free loopback port, with its own storage directory and htpasswd basic auth, as a {@link
 * ServiceProcess} (pid file {@code <dataDir>/registry.pid}). {@link #push} uploads blobs and a
 * manifest through the distribution API, as {@code docker push} or {@code helm push} would.
 */
public final class OciRegistry implements AutoCloseable {
  private final ServiceProcess process;
  private final int port;
  private final String user;
  private final String password;
  private final Path storage;
  private final HttpClient http = HttpClient.newHttpClient();

  private OciRegistry(
      ServiceProcess process, int port, String user, String password, Path storage) {
    this.process = process;
    this.port = port;
    this.user = user;
    this.password = password;
    this.storage = storage;
  }

  /** Starts a registry keeping its blobs under {@code dataDir}, reachable with user/password. */
  public static OciRegistry start(Path dataDir, String user, String password) throws IOException {
    Files.createDirectories(dataDir);
    Path storage = dataDir.resolve("storage");
    Path htpasswd = dataDir.resolve("htpasswd");
    Process hash =
        new ProcessBuilder("htpasswd", "-Bbn", user, password)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    byte[] line = hash.getInputStream().readAllBytes();
    waitFor(hash);
    Files.write(htpasswd, line);
    int port = ServiceProcess.freePort();
    Path config = dataDir.resolve("config.yml");
    Files.writeString(
        config,
        """
        version: 0.1
        log:
          level: warn
        storage:
          filesystem:
            rootdirectory: %s
          delete:
            enabled: true
        http:
          addr: 127.0.0.1:%d
        auth:
          htpasswd:
            realm: chainloop-test
            path: %s
        """
            .formatted(storage, port, htpasswd));
    ServiceProcess process =
        ServiceProcess.start(
            "registry",
            List.of("docker-registry", "serve", config.toString()),
            dataDir,
            Duration.ofSeconds(30),
            () -> ServiceProcess.listening(port));
    OciRegistry registry = new OciRegistry(process, port, user, password, storage);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(registry::answers);
    return registry;
  }

  public String hostPort() {
    return "127.0.0.1:" + port;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  public Path storageDir() {
    return storage;
  }

  /**
   * Pushes a one-layer artifact to {@code repository:tag}: a config blob of {@code configMediaType}
   * and a layer of {@code content}; returns the manifest digest.
   */
  public String push(String repository, String tag, String configMediaType, byte[] content) {
    byte[] config = "{}".getBytes(StandardCharsets.UTF_8);
    String configDigest = uploadBlob(repository, config);
    String layerDigest = uploadBlob(repository, content);
    String manifest =
        """
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",\
        "config":{"mediaType":"%s","digest":"%s","size":%d},\
        "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"%s","size":%d}]}"""
            .formatted(configMediaType, configDigest, config.length, layerDigest, content.length);
    return putManifest(repository, tag, manifest.getBytes(StandardCharsets.UTF_8));
  }

  /** Pushes a cosign-style signature for {@code digest}: the {@code sha256-<hex>.sig} tag. */
  public String sign(String repository, String digest) {
    return push(
        repository,
        "sha256-" + digest.substring("sha256:".length()) + ".sig",
        "application/vnd.oci.image.config.v1+json",
        ("{\"critical\":{\"image\":{\"docker-manifest-digest\":\"" + digest + "\"}}}")
            .getBytes(StandardCharsets.UTF_8));
  }

  private String uploadBlob(String repository, byte[] content) {
    String digest = sha256(content);
    HttpResponse<String> start =
        send(
            HttpRequest.newBuilder(url("/v2/" + repository + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    expect(start, 202);
    String location = start.headers().firstValue("Location").orElseThrow();
    URI upload = url("").resolve(location);
    String sep = upload.getQuery() == null ? "?" : "&";
    expect(
        send(
            HttpRequest.newBuilder(URI.create(upload + sep + "digest=" + digest))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content))),
        201);
    return digest;
  }

  private String putManifest(String repository, String tag, byte[] manifest) {
    expect(
        send(
            HttpRequest.newBuilder(url("/v2/" + repository + "/manifests/" + tag))
                .header("Content-Type", "application/vnd.oci.image.manifest.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest))),
        201);
    return sha256(manifest);
  }

  private boolean answers() {
    try {
      return send(HttpRequest.newBuilder(url("/v2/")).GET()).statusCode() == 200;
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    String basic =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    try {
      return http.send(
          request.header("Authorization", "Basic " + basic).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void expect(HttpResponse<String> r, int status) {
    if (r.statusCode() != status) {
      throw new IllegalStateException(
          "registry answered " + r.statusCode() + " to " + r.request().uri() + ": " + r.body());
    }
  }

  private URI url(String path) {
    return URI.create("http://" + hostPort() + path);
  }

  private static String sha256(byte[] bytes) {
    return "sha256:" + Sha256.hex(bytes);
  }

  private static void waitFor(Process p) throws IOException {
    try {
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("htpasswd failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  @Override
  public void close() {
    process.close();
  }
}
