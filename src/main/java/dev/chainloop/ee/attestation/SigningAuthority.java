package dev.chainloop.ee.attestation;

import dev.chainloop.ee.platform.config.ChainloopConfig;
import dev.chainloop.ee.platform.error.InvalidInputException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
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
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * The small CA behind keyless signing: an ECDSA P-256 key and self-signed certificate in {@code
 * chainloop.keys.dir}, generated on first start, issuing 10-minute code-signing certificates.
 */
@ApplicationScoped
public class SigningAuthority {
  static final String KEY_FILE = "signing-ca-key.pem";
  static final String CERT_FILE = "signing-ca-cert.pem";
  static final Duration LEAF_TTL = Duration.ofMinutes(10);
  private static final Logger LOG = Logger.getLogger(SigningAuthority.class.getName());

  @Inject ChainloopConfig config;

  private PrivateKey caKey;
  private X509Certificate caCert;

  @PostConstruct
  void load() {
    Path dir = config.keysDir();
    try {
      if (!Files.exists(dir.resolve(CERT_FILE))) {
        generate(dir);
      }
      caKey =
          KeyFactory.getInstance("EC")
              .generatePrivate(
                  new PKCS8EncodedKeySpec(pemBody(Files.readString(dir.resolve(KEY_FILE)))));
      caCert = parseCertificate(pemBody(Files.readString(dir.resolve(CERT_FILE))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the signing CA in " + dir, e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("invalid signing CA in " + dir, e);
    }
  }

  private void generate(Path dir)
      throws IOException, GeneralSecurityException, OperatorCreationException {
    Files.createDirectories(dir);
    KeyPair pair = ecKeyPair();
    X500Name name = new X500Name("CN=Chainloop EE signing CA,O=chainloop");
    Instant now = Instant.now();
    var builder =
        new JcaX509v3CertificateBuilder(
            name,
            serial(),
            Date.from(now.minus(Duration.ofMinutes(5))),
            Date.from(now.plus(Duration.ofDays(3650))),
            name,
            pair.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
    builder.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    X509Certificate cert = sign(builder, pair.getPrivate());
    // Key first, certificate last: the certificate's presence means the pair is complete.
    Path tmpKey = Files.createTempFile(dir, "ca-key", ".tmp");
    try {
      Files.setPosixFilePermissions(tmpKey, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // not a POSIX file system
    }
    Files.writeString(tmpKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    Files.move(tmpKey, dir.resolve(KEY_FILE), StandardCopyOption.ATOMIC_MOVE);
    Path tmpCert = Files.createTempFile(dir, "ca-cert", ".tmp");
    Files.writeString(tmpCert, pem("CERTIFICATE", cert.getEncoded()));
    Files.move(tmpCert, dir.resolve(CERT_FILE), StandardCopyOption.ATOMIC_MOVE);
    LOG.info("Generated a new keyless signing CA in " + dir);
  }

  public X509Certificate certificate() {
    return caCert;
  }

  public String certificatePem() {
    try {
      return pem("CERTIFICATE", caCert.getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A short-lived leaf for a CSR (PEM, signature checked) or a public key (base64 SPKI or PEM). */
  public String issue(
      String csrPem, String publicKeyText, String subjectName, String organization) {
    PublicKey key;
    try {
      if (csrPem != null && !csrPem.isBlank()) {
        key = fromCsr(csrPem);
      } else if (publicKeyText != null && !publicKeyText.isBlank()) {
        key =
            BundleVerifier.publicKeyOf(
                publicKeyText.contains("-----BEGIN")
                    ? pemBody(publicKeyText)
                    : Base64.getDecoder().decode(publicKeyText.trim()));
      } else {
        throw new InvalidInputException("csr", "a CSR or a public key is required");
      }
    } catch (GeneralSecurityException | IllegalArgumentException | IOException e) {
      throw new InvalidInputException("csr", "cannot read the CSR or public key");
    }
    try {
      Instant now = Instant.now();
      X500Name subject =
          new X500NameBuilder(BCStyle.INSTANCE)
              .addRDN(BCStyle.CN, subjectName)
              .addRDN(BCStyle.O, organization)
              .build();
      var builder =
          new JcaX509v3CertificateBuilder(
              caCert,
              serial(),
              Date.from(now.minus(Duration.ofMinutes(1))),
              Date.from(now.plus(LEAF_TTL)),
              subject,
              key);
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_codeSigning));
      X509Certificate leaf = sign(builder, caKey);
      return pem("CERTIFICATE", leaf.getEncoded()) + certificatePem();
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot issue a signing certificate", e);
    }
  }

  private static PublicKey fromCsr(String csrPem) throws IOException, GeneralSecurityException {
    try (PEMParser parser = new PEMParser(new StringReader(csrPem))) {
      Object parsed = parser.readObject();
      if (!(parsed instanceof PKCS10CertificationRequest raw)) {
        throw new GeneralSecurityException("not a PKCS#10 request");
      }
      JcaPKCS10CertificationRequest csr = new JcaPKCS10CertificationRequest(raw);
      PublicKey key = csr.getPublicKey();
      if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
        throw new GeneralSecurityException("the CSR signature is invalid");
      }
      return key;
    } catch (OperatorCreationException | PKCSException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static KeyPair ecKeyPair() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  private static X509Certificate sign(JcaX509v3CertificateBuilder builder, PrivateKey key)
      throws OperatorCreationException, GeneralSecurityException {
    ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(key);
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }

  private static BigInteger serial() {
    return new BigInteger(128, new SecureRandom());
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

  static byte[] pemBody(String text) {
    String first = text.substring(0, text.indexOf("-----END"));
    return Base64.getDecoder()
        .decode(first.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
  }
}
