package dev.chainloop.ee.attestation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The key and certificate plumbing the signing CA and the timestamp authority share: ECDSA P-256
 * pairs, self-signed roots, random serials, PEM, and key pairs persisted in the keys directory (key
 * first, certificate last, each by an atomic move, so a certificate's presence means its pair is
 * complete).
 */
final class KeyMaterial {
  /**
   * Certificates start a little in the past so a verifier's clock slightly behind still accepts.
   */
  static final Duration BACKDATE = Duration.ofMinutes(5);

  private KeyMaterial() {}

  static KeyPair ecKeyPair() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  static BigInteger serial() {
    return new BigInteger(128, new SecureRandom());
  }

  static X509Certificate sign(JcaX509v3CertificateBuilder builder, PrivateKey key)
      throws OperatorCreationException, GeneralSecurityException {
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
  }

  /** A self-signed CA certificate for {@code pair}, valid from now (backdated) for {@code life}. */
  static X509Certificate selfSignedCa(KeyPair pair, String subject, Duration life)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    X500Name name = new X500Name(subject);
    Instant now = Instant.now();
    var builder =
        new JcaX509v3CertificateBuilder(
            name,
            serial(),
            Date.from(now.minus(BACKDATE)),
            Date.from(now.plus(life)),
            name,
            pair.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
    builder.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    return sign(builder, pair.getPrivate());
  }

  /** Persists a private key (owner-only) and then its certificate into {@code dir}. */
  static void write(Path dir, String keyFile, PrivateKey key, String certFile, X509Certificate cert)
      throws IOException, GeneralSecurityException {
    Files.createDirectories(dir);
    move(dir, keyFile, pem("PRIVATE KEY", key.getEncoded()), true);
    move(dir, certFile, pem("CERTIFICATE", cert.getEncoded()), false);
  }

  private static void move(Path dir, String file, String content, boolean secret)
      throws IOException {
    Path tmp = Files.createTempFile(dir, file, ".tmp");
    if (secret) {
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system
      }
    }
    Files.writeString(tmp, content);
    Files.move(tmp, dir.resolve(file), StandardCopyOption.ATOMIC_MOVE);
  }

  static PrivateKey readEcKey(Path file) throws IOException, GeneralSecurityException {
    return KeyFactory.getInstance("EC")
        .generatePrivate(new PKCS8EncodedKeySpec(pemBody(Files.readString(file))));
  }

  static X509Certificate readCertificate(Path file) throws IOException, GeneralSecurityException {
    return parseCertificate(pemBody(Files.readString(file)));
  }

  /** Every CERTIFICATE block of a PEM text, in order (a chain, leaf first). */
  static List<X509Certificate> readCertificates(String pemText) throws GeneralSecurityException {
    List<X509Certificate> certs = new ArrayList<>();
    String rest = pemText;
    int end;
    while ((end = rest.indexOf("-----END CERTIFICATE-----")) >= 0) {
      int begin = rest.indexOf("-----BEGIN CERTIFICATE-----");
      if (begin < 0 || begin > end) {
        throw new GeneralSecurityException("malformed PEM certificate block");
      }
      certs.add(parseCertificate(pemBody(rest.substring(begin, end + 25))));
      rest = rest.substring(end + 25);
    }
    return certs;
  }

  static X509Certificate parseCertificate(byte[] der) throws GeneralSecurityException {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }

  static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  /** The DER of the first PEM block of {@code text}. */
  static byte[] pemBody(String text) {
    String first = text.substring(0, text.indexOf("-----END"));
    return Base64.getDecoder()
        .decode(first.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
  }
}
