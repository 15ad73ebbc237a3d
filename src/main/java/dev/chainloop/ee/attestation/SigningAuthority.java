package dev.chainloop.ee.attestation;

import dev.chainloop.ee.platform.config.ChainloopConfig;
import dev.chainloop.ee.platform.error.InvalidInputException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
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
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.OperatorCreationException;
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
        KeyPair pair = KeyMaterial.ecKeyPair();
        X509Certificate cert =
            KeyMaterial.selfSignedCa(
                pair, "CN=Chainloop EE signing CA,O=chainloop", Duration.ofDays(3650));
        KeyMaterial.write(dir, KEY_FILE, pair.getPrivate(), CERT_FILE, cert);
        LOG.info("Generated a new keyless signing CA in " + dir);
      }
      caKey = KeyMaterial.readEcKey(dir.resolve(KEY_FILE));
      caCert = KeyMaterial.readCertificate(dir.resolve(CERT_FILE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the signing CA in " + dir, e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("invalid signing CA in " + dir, e);
    }
  }

  public X509Certificate certificate() {
    return caCert;
  }

  public String certificatePem() {
    try {
      return KeyMaterial.pem("CERTIFICATE", caCert.getEncoded());
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
                    ? KeyMaterial.pemBody(publicKeyText)
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
              KeyMaterial.serial(),
              Date.from(now.minus(Duration.ofMinutes(1))),
              Date.from(now.plus(LEAF_TTL)),
              subject,
              key);
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_codeSigning));
      X509Certificate leaf = KeyMaterial.sign(builder, caKey);
      return KeyMaterial.pem("CERTIFICATE", leaf.getEncoded()) + certificatePem();
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
}
