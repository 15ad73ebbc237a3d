package dev.chainloop.ee.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.chainloop.ee.cli.attestation.Keys;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An external RFC 3161 timestamp authority for the tests: OpenSSL's own TSA ({@code openssl ts
 * -reply}, a TSA implementation independent of ours) answering {@code application/timestamp-query}
 * POSTs on a free loopback port, with a CA and a TSA certificate (EKU timeStamping, critical) of
 * its own under {@code dir}. {@link #chainFile} is the PEM chain, leaf first, a control plane is
 * configured to trust.
 */
public final class OpenSslTsa implements AutoCloseable {
  private final HttpServer http;
  private final Path dir;
  private volatile boolean unavailable;

  private OpenSslTsa(HttpServer http, Path dir) {
    this.http = http;
    this.dir = dir;
  }

  public static OpenSslTsa start(Path dir) throws Exception {
    Files.createDirectories(dir);
    KeyPair caPair = p256();
    X500Name caName = new X500Name("CN=OpenSSL test TSA root,O=elsewhere");
    Instant now = Instant.now();
    var ca =
        new JcaX509v3CertificateBuilder(
            caName,
            BigInteger.valueOf(new SecureRandom().nextLong() & Long.MAX_VALUE),
            Date.from(now.minus(Duration.ofMinutes(5))),
            Date.from(now.plus(Duration.ofDays(2))),
            caName,
            caPair.getPublic());
    ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
    ca.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign));
    X509Certificate caCert = sign(ca, caPair.getPrivate());
    KeyPair tsaPair = p256();
    var tsa =
        new JcaX509v3CertificateBuilder(
            caCert,
            BigInteger.valueOf(new SecureRandom().nextLong() & Long.MAX_VALUE),
            Date.from(now.minus(Duration.ofMinutes(5))),
            Date.from(now.plus(Duration.ofDays(1))),
            new X500Name("CN=OpenSSL test TSA,O=elsewhere"),
            tsaPair.getPublic());
    tsa.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    tsa.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    tsa.addExtension(
        Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
    X509Certificate tsaCert = sign(tsa, caPair.getPrivate());
    Files.writeString(dir.resolve("tsa-key.pem"), pem("PRIVATE KEY", tsaPair.getPrivate()));
    Files.writeString(dir.resolve("tsa-cert.pem"), pem(tsaCert));
    Files.writeString(dir.resolve("chain.pem"), pem(tsaCert) + pem(caCert));
    Files.writeString(dir.resolve("serial"), "01\n");
    Files.writeString(
        dir.resolve("tsa.cnf"),
        """
        [ tsa ]
        default_tsa = tsa_config
        [ tsa_config ]
        dir = %s
        serial = $dir/serial
        signer_cert = $dir/tsa-cert.pem
        certs = $dir/chain.pem
        signer_key = $dir/tsa-key.pem
        signer_digest = sha256
        default_policy = 1.2.3.4.1
        digests = sha256, sha384, sha512
        accuracy = secs:1
        ordering = no
        tsa_name = no
        ess_cert_id_chain = no
        ess_cert_id_alg = sha256
        """
            .formatted(dir));
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    OpenSslTsa server = new OpenSslTsa(http, dir);
    http.createContext("/tsr", server::answer);
    http.start();
    return server;
  }

  public String url() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/tsr";
  }

  public Path chainFile() {
    return dir.resolve("chain.pem");
  }

  /** While set, every request is answered 503, as by a TSA that is down behind its proxy. */
  public void unavailable(boolean down) {
    unavailable = down;
  }

  private synchronized void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (unavailable) {
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      Path query = Files.createTempFile(dir, "query", ".tsq");
      Path reply = dir.resolve(query.getFileName() + ".tsr");
      Files.write(query, exchange.getRequestBody().readAllBytes());
      Process p =
          new ProcessBuilder(
                  List.of(
                      "openssl",
                      "ts",
                      "-reply",
                      "-config",
                      dir.resolve("tsa.cnf").toString(),
                      "-queryfile",
                      query.toString(),
                      "-out",
                      reply.toString()))
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("openssl.log").toFile())
              .start();
      boolean done = p.waitFor(30, TimeUnit.SECONDS);
      if (!done || p.exitValue() != 0 || !Files.exists(reply)) {
        exchange.sendResponseHeaders(500, -1);
        return;
      }
      byte[] body = Files.readAllBytes(reply);
      exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  @Override
  public void close() {
    http.stop(0);
  }

  private static KeyPair p256() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  private static X509Certificate sign(JcaX509v3CertificateBuilder builder, PrivateKey key)
      throws Exception {
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
  }

  private static String pem(X509Certificate cert) throws Exception {
    return Keys.pem("CERTIFICATE", cert.getEncoded());
  }

  private static String pem(String type, PrivateKey key) {
    return Keys.pem(type, key.getEncoded());
  }
}
