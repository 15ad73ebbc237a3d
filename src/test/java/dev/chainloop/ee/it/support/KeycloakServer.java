package dev.chainloop.ee.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real OpenID Connect provider for the single sign-on tests: Keycloak ({@code
 * org.keycloak:keycloak-quarkus-dist}, unpacked under {@code target/keycloak} by the build) in
 * development mode, serving HTTPS with a certificate of {@link OidcIssuer}'s test CA (which the
 * test server trusts), with the realm {@code src/test/resources/keycloak/chainloop-realm.json}
 * imported: user {@code alice} in group {@code chainloop-admins}, public client {@code
 * chainloop-cli} with the device grant. It also plays the person's browser ({@link #approve}). Its
 * pids are written to {@code keycloak.pid} in its home for {@code .ci/run}'s cleanup.
 */
public final class KeycloakServer implements AutoCloseable {
  public static final String USER = "alice";
  public static final String PASSWORD = "alice-password";

  private static final Path HOME =
      Path.of(
          System.getProperty("chainloop.test.keycloak.home", "target/keycloak/keycloak-26.4.0"));
  private static final Pattern FORM_ACTION =
      Pattern.compile("<form[^>]*action=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);

  private static final Pattern HIDDEN =
      Pattern.compile(
          "<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"",
          Pattern.CASE_INSENSITIVE);

  private final Process process;
  private final int port;
  private final HttpClient browser;

  private KeycloakServer(Process process, int port, HttpClient browser) {
    this.process = process;
    this.port = port;
    this.browser = browser;
  }

  /** Starts Keycloak on the port the test server's {@code chainloop.sso.issuer} names. */
  public static KeycloakServer start() {
    int port = Integer.getInteger("chainloop.test.keycloak.port", 19543);
    try {
      Path tls = HOME.resolve("conf/test-tls");
      OidcIssuer.certifyLocalhost(tls.resolve("cert.pem"), tls.resolve("key.pem"));
      // A fresh development database each start, so that the realm file is imported as it is now.
      deleteTree(HOME.resolve("data/h2"));
      Path imports = Files.createDirectories(HOME.resolve("data/import"));
      try (InputStream realm =
          KeycloakServer.class.getResourceAsStream("/keycloak/chainloop-realm.json")) {
        Files.copy(
            realm, imports.resolve("chainloop-realm.json"), StandardCopyOption.REPLACE_EXISTING);
      }
      ProcessBuilder builder =
          new ProcessBuilder(
                  HOME.resolve("bin/kc.sh").toString(),
                  "start-dev",
                  "--import-realm",
                  "--http-enabled=false",
                  "--https-port=" + port,
                  "--https-certificate-file=" + tls.resolve("cert.pem"),
                  "--https-certificate-key-file=" + tls.resolve("key.pem"),
                  "--hostname=https://localhost:" + port,
                  "--http-management-port=" + (port + 1))
              .redirectErrorStream(true)
              .redirectOutput(HOME.resolve("keycloak.log").toFile());
      builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx384m");
      KeycloakServer server = new KeycloakServer(builder.start(), port, browser());
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
      server.awaitReady(Duration.ofMinutes(5));
      // For .ci/run's cleanup should this JVM be killed: the launcher script and its JVM.
      Files.writeString(
          HOME.resolve("keycloak.pid"),
          java.util.stream.Stream.concat(
                      java.util.stream.Stream.of(server.process.toHandle()),
                      server.process.descendants())
                  .map(h -> Long.toString(h.pid()))
                  .collect(java.util.stream.Collectors.joining("\n"))
              + "\n");
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String issuer() {
    return "https://localhost:" + port + "/realms/chainloop";
  }

  /**
   * What the person does in the browser: opens the verification page, signs in as {@link #USER} and
   * grants the device, answering any consent form.
   */
  public void approve(String verificationUriComplete) {
    String page = get(verificationUriComplete);
    for (int step = 0; step < 4 && !page.contains("Device Login Successful"); step++) {
      Matcher action = FORM_ACTION.matcher(page);
      if (!action.find()) {
        break;
      }
      String target = action.group(1).replace("&amp;", "&");
      if (target.startsWith("/")) {
        target = "https://localhost:" + port + target;
      }
      StringBuilder form = new StringBuilder();
      Matcher hidden = HIDDEN.matcher(page);
      while (hidden.find()) {
        form.append(hidden.group(1)).append('=').append(enc(hidden.group(2))).append('&');
      }
      form.append(
          page.contains("name=\"password\"")
              ? "username=" + USER + "&password=" + PASSWORD + "&credentialId="
              : "accept=Yes");
      page = post(target, form.toString());
    }
    if (!page.contains("Device Login Successful")) {
      throw new IllegalStateException("Keycloak did not approve the device:\n" + page);
    }
  }

  private void awaitReady(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Keycloak exited; see " + HOME.resolve("keycloak.log"));
      }
      try {
        HttpResponse<String> r =
            browser.send(
                HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(2000);
    }
    close();
    throw new IllegalStateException("Keycloak did not start within " + timeout);
  }

  private String get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  private String post(String url, String form) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private String send(HttpRequest.Builder request) {
    try {
      return browser
          .send(
              request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A browser: cookies, redirects, and trust in the test CA. */
  private static HttpClient browser() {
    try {
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      try (InputStream in = Files.newInputStream(OidcIssuer.CA_FILE)) {
        trusted.setCertificateEntry(
            "test-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trusted);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, tmf.getTrustManagers(), null);
      return HttpClient.newBuilder()
          .sslContext(tls)
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
    } catch (Exception e) {
      throw new IllegalStateException("cannot trust the test CA", e);
    }
  }

  private static String enc(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      process.waitFor();
      Files.deleteIfExists(HOME.resolve("keycloak.pid"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
