package dev.chainloop.ee.attestation;

import dev.chainloop.ee.platform.config.ChainloopConfig;
import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.error.UpstreamFailureException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * The built-in RFC 3161 timestamp authority: a self-signed TSA root and rotatable ECDSA P-256
 * signing certificates (EKU timeStamping) in {@code chainloop.keys.dir}. Every signing certificate
 * ever generated stays listed (so old timestamps keep verifying); the newest one signs.
 *
 * <p>With {@code chainloop.timestamp-authority.url} (upstream Chainloop's {@code
 * timestamp_authorities}), requests go to that external TSA instead and its certificate chain
 * ({@code chainloop.timestamp-authority.cert-chain}, PEM, leaf first) is trusted besides the
 * built-in signers, which stay trusted for the timestamps they issued.
 */
@ApplicationScoped
public class TimestampAuthority {
  static final String ROOT_KEY_FILE = "tsa-root-key.pem";
  static final String ROOT_CERT_FILE = "tsa-root-cert.pem";
  static final String SIGNER_PREFIX = "tsa-signer-";
  static final Duration SIGNER_VALIDITY = Duration.ofDays(3650);

  /**
   * The policy every reply names: an OID of our own under the UUID arc 2.25 (ITU-T X.667, no
   * registration needed; UUID 96978607-6e16-48f4-9d36-c07b7e21d9d4), not one of another
   * organization's arcs.
   */
  static final ASN1ObjectIdentifier POLICY =
      new ASN1ObjectIdentifier("2.25.200170954624930458802266589624726051284");

  /** A TimeStampResp is a few KiB with its certificates; anything far larger is not one. */
  static final int MAX_EXTERNAL_REPLY = 64 * 1024;

  static final Duration EXTERNAL_TIMEOUT = Duration.ofSeconds(10);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(EXTERNAL_TIMEOUT).build();
  private static final Logger LOG = Logger.getLogger(TimestampAuthority.class.getName());
  private static final Set<ASN1ObjectIdentifier> ACCEPTED_DIGESTS =
      Set.of(TSPAlgorithms.SHA256, TSPAlgorithms.SHA384, TSPAlgorithms.SHA512);

  @Inject ChainloopConfig config;

  private Path dir;
  private PrivateKey rootKey;
  private X509Certificate rootCert;
  private volatile Signer active;
  private volatile List<X509Certificate> signers = List.of();
  private ExternalTsa external;

  /** An external TSA: where requests go, and the chain its replies must be signed with. */
  record ExternalTsa(URI url, List<X509Certificate> chain) {}

  record Signer(PrivateKey key, X509Certificate cert) {}

  @PostConstruct
  void load() {
    open(config.keysDir());
    config
        .timestampAuthorityUrl()
        .ifPresent(
            url ->
                useExternal(
                    URI.create(url),
                    config
                        .timestampAuthorityCertChain()
                        .orElseThrow(
                            () ->
                                new IllegalStateException(
                                    "chainloop.timestamp-authority.url needs"
                                        + " chainloop.timestamp-authority.cert-chain (its PEM"
                                        + " chain, leaf first)"))));
  }

  /**
   * Sends requests to the TSA at {@code url}, whose chain (PEM, leaf first) is {@code chainFile}.
   */
  void useExternal(URI url, Path chainFile) {
    try {
      List<X509Certificate> chain = KeyMaterial.readCertificates(Files.readString(chainFile));
      if (chain.isEmpty()) {
        throw new IllegalStateException("no certificate in " + chainFile);
      }
      external = new ExternalTsa(url, chain);
      LOG.info("Timestamps come from the external timestamp authority " + url);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + chainFile, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("invalid certificate chain in " + chainFile, e);
    }
  }

  /** Loads (generating on first use) the TSA in {@code keysDir}. */
  synchronized void open(Path keysDir) {
    dir = keysDir;
    try {
      Files.createDirectories(dir);
      if (!Files.exists(dir.resolve(ROOT_CERT_FILE))) {
        generateRoot();
      }
      rootKey = KeyMaterial.readEcKey(dir.resolve(ROOT_KEY_FILE));
      rootCert = KeyMaterial.readCertificate(dir.resolve(ROOT_CERT_FILE));
      if (listSignerIds().isEmpty()) {
        generateSigner();
      }
      reloadSigners();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the timestamp authority in " + dir, e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("invalid timestamp authority in " + dir, e);
    }
  }

  /** Generates a new signing certificate and makes it the active one; older ones stay listed. */
  public synchronized X509Certificate rotate() {
    try {
      generateSigner();
      reloadSigners();
      return active.cert();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rotate the timestamp authority in " + dir, e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot rotate the timestamp authority", e);
    }
  }

  public X509Certificate root() {
    return rootCert;
  }

  public X509Certificate activeCertificate() {
    return active.cert();
  }

  /** Every signing certificate of the built-in authority, oldest first. */
  public List<X509Certificate> signingCertificates() {
    return signers;
  }

  /** The external TSA's chain (leaf first), if one is configured. */
  public Optional<List<X509Certificate>> externalChain() {
    return Optional.ofNullable(external).map(ExternalTsa::chain);
  }

  /** The certificates a timestamp may be signed with: the built-in signers and the external one. */
  public List<X509Certificate> trustedSigners() {
    if (external == null) {
      return signers;
    }
    List<X509Certificate> all = new ArrayList<>(signers);
    all.add(external.chain().get(0));
    return all;
  }

  /** Answers a DER TimeStampReq with a DER TimeStampResp (a rejection for unsupported requests). */
  public byte[] respond(byte[] requestDer) {
    TimeStampRequest request;
    try {
      request = new TimeStampRequest(requestDer);
    } catch (IOException | IllegalArgumentException | ClassCastException e) {
      throw new InvalidInputException("timestampRequest", "not a DER RFC 3161 TimeStampReq");
    }
    if (external != null) {
      return forward(request, external);
    }
    Signer signer = active;
    try {
      var signerInfo =
          new JcaSimpleSignerInfoGeneratorBuilder()
              .build("SHA256withECDSA", signer.key(), signer.cert());
      var tokens =
          new TimeStampTokenGenerator(
              signerInfo,
              new JcaDigestCalculatorProviderBuilder()
                  .build()
                  .get(new DefaultDigestAlgorithmIdentifierFinder().find("SHA-256")),
              POLICY);
      tokens.addCertificates(new JcaCertStore(List.of(signer.cert(), rootCert)));
      var generator = new TimeStampResponseGenerator(tokens, ACCEPTED_DIGESTS);
      TimeStampResponse response = generator.generate(request, KeyMaterial.serial(), new Date());
      return response.getEncoded();
    } catch (TSPException | OperatorCreationException | GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot issue a timestamp", e);
    }
  }

  /**
   * The external TSA's reply, once it answers this request (imprint, nonce) with a token signed by
   * its configured certificate; its failures are the caller's 502, never a token passed on blindly.
   */
  private static byte[] forward(TimeStampRequest request, ExternalTsa tsa) {
    HttpResponse<InputStream> reply;
    try {
      reply =
          HTTP.send(
              HttpRequest.newBuilder(tsa.url())
                  .timeout(EXTERNAL_TIMEOUT)
                  .header("Content-Type", "application/timestamp-query")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new UpstreamFailureException(
          "the timestamp authority at " + tsa.url() + " cannot be reached");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamFailureException("interrupted while asking " + tsa.url());
    }
    byte[] body;
    try (InputStream in = reply.body()) {
      body = in.readNBytes(MAX_EXTERNAL_REPLY + 1);
    } catch (IOException e) {
      throw new UpstreamFailureException(
          "the timestamp authority at " + tsa.url() + " broke off its reply");
    }
    if (reply.statusCode() != 200 || body.length > MAX_EXTERNAL_REPLY) {
      throw new UpstreamFailureException(
          "the timestamp authority at " + tsa.url() + " answered HTTP " + reply.statusCode());
    }
    try {
      TimeStampResponse response = new TimeStampResponse(body);
      response.validate(request);
      var token = response.getTimeStampToken();
      if (token == null
          || !token.getSID().match(new X509CertificateHolder(tsa.chain().get(0).getEncoded()))) {
        throw new TSPException("not signed by the configured certificate");
      }
      return body;
    } catch (TSPException | IOException | GeneralSecurityException | RuntimeException e) {
      throw new UpstreamFailureException(
          "the timestamp authority at "
              + tsa.url()
              + " answered with an unusable timestamp: "
              + e.getMessage());
    }
  }

  private void reloadSigners() throws IOException, GeneralSecurityException {
    List<Signer> loaded = new ArrayList<>();
    for (String id : listSignerIds()) {
      X509Certificate cert =
          KeyMaterial.readCertificate(dir.resolve(SIGNER_PREFIX + id + "-cert.pem"));
      loaded.add(
          new Signer(KeyMaterial.readEcKey(dir.resolve(SIGNER_PREFIX + id + "-key.pem")), cert));
    }
    loaded.sort(Comparator.comparing((Signer s) -> s.cert().getNotBefore()));
    signers = loaded.stream().map(Signer::cert).toList();
    active = loaded.get(loaded.size() - 1);
  }

  private List<String> listSignerIds() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(SIGNER_PREFIX) && n.endsWith("-cert.pem"))
          .map(n -> n.substring(SIGNER_PREFIX.length(), n.length() - "-cert.pem".length()))
          .sorted()
          .toList();
    }
  }

  private void generateRoot()
      throws IOException, GeneralSecurityException, OperatorCreationException {
    KeyPair pair = KeyMaterial.ecKeyPair();
    X509Certificate cert =
        KeyMaterial.selfSignedCa(
            pair,
            "CN=Chainloop EE timestamp authority root,O=chainloop",
            SIGNER_VALIDITY.multipliedBy(2));
    KeyMaterial.write(dir, ROOT_KEY_FILE, pair.getPrivate(), ROOT_CERT_FILE, cert);
    LOG.info("Generated a new timestamp authority root in " + dir);
  }

  private void generateSigner()
      throws IOException, GeneralSecurityException, OperatorCreationException {
    KeyPair pair = KeyMaterial.ecKeyPair();
    Instant now = Instant.now();
    var builder =
        new JcaX509v3CertificateBuilder(
            rootCert,
            KeyMaterial.serial(),
            Date.from(now.minus(KeyMaterial.BACKDATE)),
            Date.from(now.plus(SIGNER_VALIDITY)),
            new X500Name("CN=Chainloop EE timestamp authority,O=chainloop"),
            pair.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    builder.addExtension(
        Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
    X509Certificate cert = KeyMaterial.sign(builder, rootKey);
    // Sortable id: creation time then random, so listing order is rotation order.
    String id = String.format("%013d-%08x", now.toEpochMilli(), new SecureRandom().nextInt());
    KeyMaterial.write(
        dir,
        SIGNER_PREFIX + id + "-key.pem",
        pair.getPrivate(),
        SIGNER_PREFIX + id + "-cert.pem",
        cert);
    LOG.info("Generated a new timestamp authority signing certificate in " + dir);
  }
}
