package dev.chainloop.ee.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chainloop.ee.cli.attestation.Bundles;
import dev.chainloop.ee.cli.attestation.Signers;
import dev.chainloop.ee.cli.attestation.Timestamps;
import dev.chainloop.ee.cli.framework.CliException;
import dev.chainloop.ee.platform.error.InvalidInputException;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control plane's store-time check of a bundle's RFC 3161 timestamps, on bundles the CLI's own
 * code writes and timestamps with the built-in timestamp authority.
 */
class SignedTimestampsTest {
  private static final byte[] STATEMENT =
      ("{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"a\",\"digest\":"
              + "{\"sha256\":\""
              + "ab".repeat(32)
              + "\"}}],\"predicateType\":\"chainloop.dev/attestation/v0.2\",\"predicate\":{}}")
          .getBytes(StandardCharsets.UTF_8);

  @TempDir Path keys;
  @TempDir Path otherKeys;
  private TimestampAuthority tsa;
  private KeyPair caPair;
  private X509Certificate ca;
  private BundleVerifier.Trust trust;

  @BeforeEach
  void setUp() throws Exception {
    tsa = new TimestampAuthority();
    tsa.open(keys);
    caPair = KeyMaterial.ecKeyPair();
    ca = KeyMaterial.selfSignedCa(caPair, "CN=test CA", Duration.ofDays(1));
    trust = new BundleVerifier.Trust(List.of(ca), tsa.signingCertificates());
  }

  /** A leaf of the test CA for {@code pair}, valid from {@code from} for ten minutes. */
  private X509Certificate leaf(KeyPair pair, Instant from) throws Exception {
    var builder =
        new JcaX509v3CertificateBuilder(
            ca,
            KeyMaterial.serial(),
            Date.from(from),
            Date.from(from.plus(Duration.ofMinutes(10))),
            new X500Name("CN=signer"),
            pair.getPublic());
    return KeyMaterial.sign(builder, caPair.getPrivate());
  }

  private byte[] keyless(Instant certFrom, UnaryOperator<byte[]> stamper) throws Exception {
    KeyPair pair = Signers.ephemeralP256();
    return Bundles.sign(
        STATEMENT, pair.getPrivate(), pair.getPublic(), leaf(pair, certFrom), stamper);
  }

  private static String signedTimestamp(byte[] bundle) {
    return Json.createReader(new java.io.ByteArrayInputStream(bundle))
        .readObject()
        .getJsonObject("verificationMaterial")
        .getJsonObject("timestampVerificationData")
        .getJsonArray("rfc3161Timestamps")
        .getJsonObject(0)
        .getString("signedTimestamp");
  }

  private static byte[] replaceTimestamp(byte[] bundle, byte[] der) {
    return new String(bundle, StandardCharsets.UTF_8)
        .replace(signedTimestamp(bundle), Base64.getEncoder().encodeToString(der))
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aKeylessBundleTimestampedInsideItsCertificateWindowVerifies() throws Exception {
    byte[] bundle = keyless(Instant.now().minusSeconds(60), tsa::respond);

    assertThat(BundleVerifier.verify(bundle, trust, null, null).predicateType())
        .isEqualTo("chainloop.dev/attestation/v0.2");
  }

  @Test
  void aKeylessBundleWithoutATimestampIsRefusedAtStoreTimeNamingTheField() throws Exception {
    byte[] bundle = keyless(Instant.now().minusSeconds(60), null);

    assertThatThrownBy(() -> BundleVerifier.verify(bundle, trust, null, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("verificationMaterial.timestampVerificationData:");
  }

  @Test
  void aBundleStoredBeforeTimestampsReverifiesAtItsStorageTime() throws Exception {
    Instant certFrom = Instant.now().minusSeconds(60);
    byte[] bundle = keyless(certFrom, null);

    assertThat(BundleVerifier.verify(bundle, trust, certFrom.plusSeconds(30), null)).isNotNull();
  }

  @Test
  void aCertificateNotYetValidAtTheTimestampIsRefusedNamingTheCertificate() throws Exception {
    byte[] bundle = keyless(Instant.now().plus(Duration.ofHours(1)), tsa::respond);

    assertThatThrownBy(() -> BundleVerifier.verify(bundle, trust, null, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("verificationMaterial.certificate:")
        .hasMessageContaining("not valid at the signature's timestamp");
  }

  @Test
  void aTimestampOfAnotherSignatureIsRefusedNamingIt() throws Exception {
    byte[] bundle = keyless(Instant.now().minusSeconds(60), tsa::respond);
    byte[] other = keyless(Instant.now().minusSeconds(60), tsa::respond);
    byte[] swapped = replaceTimestamp(bundle, Base64.getDecoder().decode(signedTimestamp(other)));

    assertThatThrownBy(() -> BundleVerifier.verify(swapped, trust, null, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(
            "verificationMaterial.timestampVerificationData.rfc3161Timestamps[0].signedTimestamp:")
        .hasMessageContaining("not the digest of the bundle's signature");
  }

  @Test
  void aTimestampWithAnAlteredTimeIsRefused() throws Exception {
    byte[] bundle = keyless(Instant.now().minusSeconds(60), tsa::respond);
    byte[] der = Base64.getDecoder().decode(signedTimestamp(bundle));
    String year = String.valueOf(java.time.Year.now().getValue());
    int at = new String(der, StandardCharsets.ISO_8859_1).indexOf(year);
    der[at + 3] = (byte) (der[at + 3] == '9' ? '8' : der[at + 3] + 1);
    byte[] altered = replaceTimestamp(bundle, der);

    assertThatThrownBy(() -> BundleVerifier.verify(altered, trust, null, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(
            "verificationMaterial.timestampVerificationData.rfc3161Timestamps[0].signedTimestamp:")
        .hasMessageContaining("does not verify");
  }

  @Test
  void aTimestampOfAFirstSignatureThatDoesNotVerifyIsRefused() throws Exception {
    byte[] bundle = keyless(Instant.now().minusSeconds(60), tsa::respond);
    String text = new String(bundle, StandardCharsets.UTF_8);
    String realSig =
        Json.createReader(new java.io.ByteArrayInputStream(bundle))
            .readObject()
            .getJsonObject("dsseEnvelope")
            .getJsonArray("signatures")
            .getJsonObject(0)
            .getString("sig");
    byte[] bogus = "not a signature".getBytes(StandardCharsets.UTF_8);
    String bogusSig = Base64.getEncoder().encodeToString(bogus);
    byte[] forged =
        replaceTimestamp(
            text.replace(
                    "{\"sig\":\"" + realSig + "\"",
                    "{\"sig\":\"" + bogusSig + "\",\"keyid\":\"\"},{\"sig\":\"" + realSig + "\"")
                .getBytes(StandardCharsets.UTF_8),
            Timestamps.of(bogus, tsa::respond));

    assertThatThrownBy(() -> BundleVerifier.verify(forged, trust, null, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(
            "the first DSSE signature, which the timestamps stamp, does not verify");
  }

  @Test
  void aTimestampFromAnotherAuthorityIsRefused() throws Exception {
    TimestampAuthority stranger = new TimestampAuthority();
    stranger.open(otherKeys);
    byte[] bundle = keyless(Instant.now().minusSeconds(60), stranger::respond);

    assertThatThrownBy(() -> BundleVerifier.verify(bundle, trust, null, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("is not signed by a trusted timestamp authority");
  }

  @Test
  void aKeySignedBundleMayCarryATimestampWhichIsChecked() throws Exception {
    KeyPair key = Signers.ephemeralP256();
    byte[] stamped = Bundles.sign(STATEMENT, key.getPrivate(), key.getPublic(), null, tsa::respond);
    byte[] spki = key.getPublic().getEncoded();
    assertThat(BundleVerifier.verify(stamped, trust, null, spki)).isNotNull();

    TimestampAuthority stranger = new TimestampAuthority();
    stranger.open(otherKeys);
    byte[] foreign =
        Bundles.sign(STATEMENT, key.getPrivate(), key.getPublic(), null, stranger::respond);
    assertThatThrownBy(() -> BundleVerifier.verify(foreign, trust, null, spki))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("is not signed by a trusted timestamp authority");
  }

  @Test
  void theCliRefusesAReplyToAnotherRequest() throws Exception {
    KeyPair key = Signers.ephemeralP256();
    byte[] earlier =
        tsa.respond(
            new org.bouncycastle.tsp.TimeStampRequestGenerator()
                .generate(
                    org.bouncycastle.tsp.TSPAlgorithms.SHA256,
                    new byte[32],
                    java.math.BigInteger.ONE)
                .getEncoded());

    assertThatThrownBy(
            () -> Bundles.sign(STATEMENT, key.getPrivate(), key.getPublic(), null, req -> earlier))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("stamped another digest");
  }

  // ---- the CLI's offline check (attestation verify) of the same bundles ----------------------

  private Bundles.Verification cliVerify(byte[] bundle) {
    return Bundles.verify(bundle, null, List.of(ca), tsa.trustedSigners());
  }

  @Test
  void theCliTakesTheSigningTimeFromTheTimestampNotFromTheStatement() throws Exception {
    // STATEMENT claims no finishedAt: only the timestamp can date the signature.
    Bundles.Verification v = cliVerify(keyless(Instant.now().minusSeconds(60), tsa::respond));

    assertThat(v.verified()).as(v.reason()).isTrue();
  }

  /** After a CA rotation the control plane lists several CAs: the issuer is any one of them. */
  @Test
  void theCliAcceptsACertificateOfAnyTrustedCaAndNoOther() throws Exception {
    X509Certificate newer =
        KeyMaterial.selfSignedCa(KeyMaterial.ecKeyPair(), "CN=next CA", Duration.ofDays(1));
    X509Certificate sameName =
        KeyMaterial.selfSignedCa(KeyMaterial.ecKeyPair(), "CN=test CA", Duration.ofDays(1));
    byte[] bundle = keyless(Instant.now().minusSeconds(60), tsa::respond);

    Bundles.Verification rotated =
        Bundles.verify(bundle, null, List.of(newer, ca), tsa.trustedSigners());
    Bundles.Verification impostor =
        Bundles.verify(bundle, null, List.of(newer, sameName), tsa.trustedSigners());

    assertThat(rotated.verified()).as(rotated.reason()).isTrue();
    assertThat(impostor.verified()).isFalse();
    assertThat(impostor.reason())
        .isEqualTo("the signing certificate is not issued by the control plane's CA");
  }

  @Test
  void theCliRefusesACertificateNotValidAtTheTimestamp() throws Exception {
    Bundles.Verification v =
        cliVerify(keyless(Instant.now().plus(Duration.ofHours(1)), tsa::respond));

    assertThat(v.verified()).isFalse();
    assertThat(v.reason()).contains("not valid at the signature's timestamp");
  }

  @Test
  void theCliRefusesAnAlteredTimestamp() throws Exception {
    byte[] bundle = keyless(Instant.now().minusSeconds(60), tsa::respond);
    byte[] der = Base64.getDecoder().decode(signedTimestamp(bundle));
    String year = String.valueOf(java.time.Year.now().getValue());
    int at = new String(der, StandardCharsets.ISO_8859_1).indexOf(year);
    der[at + 3] = (byte) (der[at + 3] == '9' ? '8' : der[at + 3] + 1);

    Bundles.Verification v = cliVerify(replaceTimestamp(bundle, der));

    assertThat(v.verified()).isFalse();
    assertThat(v.reason()).isEqualTo("the timestamp's signed attributes do not match it");
  }

  @Test
  void theCliRefusesATimestampFromAnotherAuthority() throws Exception {
    TimestampAuthority stranger = new TimestampAuthority();
    stranger.open(otherKeys);

    Bundles.Verification v = cliVerify(keyless(Instant.now().minusSeconds(60), stranger::respond));

    assertThat(v.verified()).isFalse();
    assertThat(v.reason()).contains("not signed by a timestamp authority of the control plane");
  }
}
