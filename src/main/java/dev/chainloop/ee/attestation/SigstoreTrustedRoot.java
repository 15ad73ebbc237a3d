package dev.chainloop.ee.attestation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The trust anchors of this control plane as a Sigstore {@code TrustedRoot} document
 * (dev.sigstore.trustroot.v1, media type version 0.1): the keyless signing CA and the built-in
 * timestamp authority's signers (and a configured external TSA's chain), each with the window it is
 * valid for, and no transparency or certificate-transparency logs (this control plane runs
 * neither). Sigstore's verifiers (sigstore-js, sigstore-java, cosign {@code --trusted-root}) take
 * this file to check our bundles offline.
 */
@ApplicationScoped
public class SigstoreTrustedRoot {
  static final String MEDIA_TYPE = "application/vnd.dev.sigstore.trustedroot+json;version=0.1";

  @Inject SigningAuthority ca;
  @Inject TimestampAuthority tsa;

  /** The document; the logs are empty lists, as the schema has them. */
  @Schema(name = "SigstoreTrustedRoot")
  public record Document(
      String mediaType,
      List<Object> tlogs,
      List<Authority> certificateAuthorities,
      List<Object> ctlogs,
      List<Authority> timestampAuthorities) {}

  /** A CertificateAuthority message: its subject, chain (leaf first) and validity window. */
  @Schema(name = "SigstoreCertificateAuthority")
  public record Authority(Subject subject, CertChain certChain, TimeRange validFor) {}

  @Schema(name = "SigstoreDistinguishedName")
  public record Subject(String organization, String commonName) {}

  @Schema(name = "SigstoreCertificateChain")
  public record CertChain(List<RawCertificate> certificates) {}

  /** A DER certificate, base64 as protobuf's JSON mapping writes bytes. */
  @Schema(name = "SigstoreX509Certificate")
  public record RawCertificate(String rawBytes) {}

  /** {@code end} absent: still valid. */
  @Schema(name = "SigstoreTimeRange")
  public record TimeRange(Instant start, Instant end) {}

  /** The same anchors as {@link BundleVerifier} checks bundles against. */
  public BundleVerifier.Trust trust() {
    return new BundleVerifier.Trust(ca.certificates(), tsa.trustedSigners());
  }

  public Document document() {
    // Every CA still in the keys directory, the active one first, each for its certificate's
    // validity (the most Sigstore's validFor may say of a one-certificate chain): a CA rotated out
    // keeps verifying what it certified, as long as its files stay.
    List<Authority> cas = new ArrayList<>();
    for (X509Certificate caCert : ca.certificates()) {
      cas.add(
          new Authority(
              subject(caCert),
              chain(List.of(caCert)),
              new TimeRange(caCert.getNotBefore().toInstant(), caCert.getNotAfter().toInstant())));
    }
    // Each signer stamped from its own start until the next one took over; the newest still does.
    List<X509Certificate> signers = tsa.signingCertificates();
    List<Authority> tsas = new ArrayList<>();
    for (int i = 0; i < signers.size(); i++) {
      X509Certificate signer = signers.get(i);
      Instant end = i + 1 < signers.size() ? signers.get(i + 1).getNotBefore().toInstant() : null;
      tsas.add(
          new Authority(
              subject(signer),
              chain(List.of(signer, tsa.root())),
              new TimeRange(signer.getNotBefore().toInstant(), end)));
    }
    tsa.externalChain()
        .ifPresent(
            chain ->
                tsas.add(
                    new Authority(
                        subject(chain.get(0)),
                        chain(chain),
                        new TimeRange(chain.get(0).getNotBefore().toInstant(), null))));
    return new Document(MEDIA_TYPE, List.of(), cas, List.of(), tsas);
  }

  private static Subject subject(X509Certificate cert) {
    X500Name name = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
    return new Subject(attribute(name, BCStyle.O), attribute(name, BCStyle.CN));
  }

  private static String attribute(X500Name name, ASN1ObjectIdentifier type) {
    RDN[] rdns = name.getRDNs(type);
    return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
  }

  private static CertChain chain(List<X509Certificate> certs) {
    List<RawCertificate> raw = new ArrayList<>();
    for (X509Certificate cert : certs) {
      try {
        raw.add(new RawCertificate(Base64.getEncoder().encodeToString(cert.getEncoded())));
      } catch (CertificateEncodingException e) {
        throw new IllegalStateException("cannot encode a trust anchor", e);
      }
    }
    return new CertChain(raw);
  }
}
