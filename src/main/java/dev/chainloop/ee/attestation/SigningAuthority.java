package dev.chainloop.ee.attestation;

import dev.chainloop.ee.platform.config.ChainloopConfig;
import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.security.KeysReloaded;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;
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
 * The small CA behind keyless signing: ECDSA P-256 keys and self-signed certificates in {@code
 * chainloop.keys.dir}, issuing 10-minute code-signing certificates. Re-read at every {@link
 * KeysReloaded} ({@code chainloop.keys.reload-seconds}), so the CA rotates on a live cluster by
 * dropping files, as the token keys do:
 *
 * <ul>
 *   <li>{@code signing-ca-key.pem} + {@code signing-ca-cert.pem}: the first CA (named {@code
 *       default}), generated on the very first start;
 *   <li>{@code signing-cas/<name>-key.pem} + {@code signing-cas/<name>-cert.pem}: more CAs;
 *   <li>{@code signing-ca-active}: the name of the CA that issues (default: {@code default});
 *   <li>every CA in the directory is trusted for verification; deleting its files retires it.
 * </ul>
 *
 * A set that cannot be read as a whole keeps the current one and is logged.
 */
@ApplicationScoped
public class SigningAuthority {
  static final String KEY_FILE = "signing-ca-key.pem";
  static final String CERT_FILE = "signing-ca-cert.pem";
  static final String RING_DIR = "signing-cas";
  static final String ACTIVE_FILE = "signing-ca-active";
  static final String DEFAULT_NAME = "default";
  static final Duration LEAF_TTL = Duration.ofMinutes(10);
  private static final Logger LOG = Logger.getLogger(SigningAuthority.class.getName());

  @Inject ChainloopConfig config;

  /** One CA of the set. */
  private record Ca(String name, PrivateKey key, X509Certificate cert) {}

  /** The CAs read at one moment; {@code active} issues. */
  private record Cas(Map<String, Ca> byName, Ca active) {}

  private volatile Cas cas;

  @PostConstruct
  void load() {
    Path dir = config.keysDir();
    try {
      if (!Files.exists(dir.resolve(CERT_FILE)) && !Files.isDirectory(dir.resolve(RING_DIR))) {
        KeyPair pair = KeyMaterial.ecKeyPair();
        X509Certificate cert =
            KeyMaterial.selfSignedCa(
                pair, "CN=Chainloop EE signing CA,O=chainloop", Duration.ofDays(3650));
        KeyMaterial.write(dir, KEY_FILE, pair.getPrivate(), CERT_FILE, cert);
        LOG.info("Generated a new keyless signing CA in " + dir);
      }
      cas = read(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the signing CA in " + dir, e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("invalid signing CA in " + dir, e);
    }
  }

  /** Re-reads the CAs with the token keys; a set that cannot be read keeps the current one. */
  void reload(@Observes KeysReloaded ignored) {
    Path dir = config.keysDir();
    try {
      Cas next = read(dir);
      if (!next.byName().keySet().equals(cas.byName().keySet())
          || !next.active().name().equals(cas.active().name())) {
        LOG.info(
            "Keyless signing CAs now "
                + next.byName().keySet()
                + ", active "
                + next.active().name());
      }
      cas = next;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      LOG.warning(
          "Signing CAs in " + dir + " not reloaded, the current ones stay: " + e.getMessage());
    }
  }

  private static Cas read(Path dir) throws IOException, GeneralSecurityException {
    Map<String, Ca> byName = new LinkedHashMap<>();
    if (Files.exists(dir.resolve(CERT_FILE))) {
      byName.put(DEFAULT_NAME, readCa(DEFAULT_NAME, dir.resolve(KEY_FILE), dir.resolve(CERT_FILE)));
    }
    Path ring = dir.resolve(RING_DIR);
    if (Files.isDirectory(ring)) {
      List<String> names;
      try (Stream<Path> files = Files.list(ring)) {
        names =
            files
                .map(f -> f.getFileName().toString())
                .filter(n -> n.endsWith("-cert.pem"))
                .map(n -> n.substring(0, n.length() - "-cert.pem".length()))
                .sorted()
                .toList();
      }
      for (String name : names) {
        byName.put(
            name, readCa(name, ring.resolve(name + "-key.pem"), ring.resolve(name + "-cert.pem")));
      }
    }
    Path activeFile = dir.resolve(ACTIVE_FILE);
    String activeName =
        Files.exists(activeFile) ? Files.readString(activeFile).trim() : DEFAULT_NAME;
    Ca active = byName.get(activeName);
    if (active == null) {
      throw new GeneralSecurityException(
          "the active signing CA " + activeName + " is not in " + dir);
    }
    return new Cas(Map.copyOf(byName), active);
  }

  private static Ca readCa(String name, Path key, Path cert)
      throws IOException, GeneralSecurityException {
    return new Ca(name, KeyMaterial.readEcKey(key), KeyMaterial.readCertificate(cert));
  }

  /** The CA that issues new certificates. */
  public X509Certificate certificate() {
    return cas.active().cert();
  }

  /** Every CA trusted for verification, the active one first. */
  public List<X509Certificate> certificates() {
    Cas now = cas;
    List<X509Certificate> all = new ArrayList<>();
    all.add(now.active().cert());
    now.byName().values().stream()
        .filter(ca -> ca != now.active())
        .sorted(Comparator.comparing(ca -> ca.cert().getNotBefore()))
        .forEach(ca -> all.add(ca.cert()));
    return all;
  }

  public String certificatePem() {
    try {
      return KeyMaterial.pem("CERTIFICATE", certificate().getEncoded());
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
      Ca issuer = cas.active();
      var builder =
          new JcaX509v3CertificateBuilder(
              issuer.cert(),
              KeyMaterial.serial(),
              Date.from(now.minus(config.signingClockSkew())),
              Date.from(now.plus(LEAF_TTL)),
              subject,
              key);
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_codeSigning));
      X509Certificate leaf = KeyMaterial.sign(builder, issuer.key());
      return KeyMaterial.pem("CERTIFICATE", leaf.getEncoded())
          + KeyMaterial.pem("CERTIFICATE", issuer.cert().getEncoded());
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
