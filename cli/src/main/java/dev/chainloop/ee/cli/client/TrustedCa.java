package dev.chainloop.ee.cli.client;

import dev.chainloop.ee.cli.framework.UsageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS trust for {@code --control-plane-ca}: the JDK's trusted CAs plus the given ones, as
 * upstream appends its CA to the system pool. Host names are still checked against the certificate.
 */
public final class TrustedCa {
  private TrustedCa() {}

  /**
   * @param value a PEM file's path, PEM text, or base64-encoded PEM (upstream accepts all three)
   * @param flag the flag or variable the value came from, named in errors
   */
  public static SSLContext sslContext(String value, String flag) {
    List<X509Certificate> extra = certificates(pem(value, flag), flag);
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (X509Certificate anchor : systemAnchors()) {
        store.setCertificateEntry("system-" + i++, anchor);
      }
      i = 0;
      for (X509Certificate ca : extra) {
        store.setCertificateEntry("custom-" + i++, ca);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot set up TLS trust: " + e.getMessage(), e);
    }
  }

  /** The PEM text {@code value} names or holds; what {@code config save} persists. */
  public static String pemContent(String value, String flag) {
    String pem = new String(pem(value, flag), StandardCharsets.UTF_8);
    certificates(pem.getBytes(StandardCharsets.UTF_8), flag);
    return pem;
  }

  private static byte[] pem(String value, String flag) {
    if (value.contains("-----BEGIN")) {
      return value.getBytes(StandardCharsets.UTF_8);
    }
    try {
      Path path = Path.of(value);
      if (Files.isRegularFile(path)) {
        return Files.readAllBytes(path);
      }
    } catch (InvalidPathException | IOException e) {
      // not a readable path: maybe base64 content
    }
    try {
      byte[] decoded = Base64.getMimeDecoder().decode(value);
      if (new String(decoded, StandardCharsets.UTF_8).contains("-----BEGIN")) {
        return decoded;
      }
    } catch (IllegalArgumentException e) {
      // neither
    }
    throw new UsageException(
        "invalid " + flag + ": \"" + value + "\" is neither a readable file nor PEM content");
  }

  private static List<X509Certificate> certificates(byte[] pem, String flag) {
    Collection<? extends Certificate> certs;
    try {
      certs =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(pem));
    } catch (GeneralSecurityException e) {
      throw new UsageException("invalid " + flag + ": not a PEM certificate");
    }
    if (certs.isEmpty()) {
      throw new UsageException("invalid " + flag + ": no certificate found");
    }
    return certs.stream().map(X509Certificate.class::cast).toList();
  }

  private static X509Certificate[] systemAnchors() throws GeneralSecurityException {
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init((KeyStore) null);
    for (TrustManager tm : tmf.getTrustManagers()) {
      if (tm instanceof X509TrustManager x509) {
        return x509.getAcceptedIssuers();
      }
    }
    return new X509Certificate[0];
  }
}
