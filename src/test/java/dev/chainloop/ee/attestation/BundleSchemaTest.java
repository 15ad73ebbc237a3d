package dev.chainloop.ee.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.chainloop.ee.cli.attestation.Bundles;
import dev.chainloop.ee.cli.attestation.Signers;
import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.shared.Sha256;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundles the CLI writes conform to the Sigstore bundle v0.3 schema (sigstore/protobuf-specs'
 * JSON Schema, src/test/resources/sigstore), strictly: no member the schema does not define, so
 * that Sigstore's own verifiers read them; a keyless one with its RFC 3161 timestamp. A key-signed
 * bundle names its key by hint only, and the control plane checks it with the key given beside it.
 */
class BundleSchemaTest {
  @TempDir Path keys;

  private static final BundleVerifier.Trust KEYS_ONLY =
      new BundleVerifier.Trust(List.of(), List.of());
  private static final byte[] STATEMENT =
      ("{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"a\",\"digest\":"
              + "{\"sha256\":\""
              + "ab".repeat(32)
              + "\"}}],\"predicateType\":\"chainloop.dev/attestation/v0.2\",\"predicate\":{}}")
          .getBytes(StandardCharsets.UTF_8);

  private static Schema schema() throws IOException {
    String text =
        Files.readString(Path.of("src/test/resources/sigstore/Bundle.schema.json"))
            // The generator writes the oneOf's required names as proto fields (dsse_envelope); the
            // JSON form of the messages, and the properties beside them, are camelCase.
            .replace("\"message_signature\"", "\"messageSignature\"")
            .replace("\"dsse_envelope\"", "\"dsseEnvelope\"")
            .replace("\"public_key\"", "\"publicKey\"")
            .replace("\"x509_certificate_chain\"", "\"x509CertificateChain\"");
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
        .getSchema(text, InputFormat.JSON);
  }

  private static List<Error> validate(byte[] bundle) throws IOException {
    return schema().validate(new String(bundle, StandardCharsets.UTF_8), InputFormat.JSON);
  }

  @Test
  void keySignedAndKeylessBundlesConformToTheSchema() throws Exception {
    KeyPair key = Signers.ephemeralP256();
    byte[] keySigned = Bundles.sign(STATEMENT, key.getPrivate(), key.getPublic(), null);
    assertThat(validate(keySigned)).isEmpty();
    assertThat(new String(keySigned, StandardCharsets.UTF_8))
        .contains("\"mediaType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\"")
        .contains("\"publicKey\":{\"hint\":\"")
        .doesNotContain("rawBytes");

    KeyPair ephemeral = Signers.ephemeralP256();
    TimestampAuthority tsa = new TimestampAuthority();
    tsa.open(keys);
    byte[] keyless =
        Bundles.sign(
            STATEMENT,
            ephemeral.getPrivate(),
            ephemeral.getPublic(),
            certificate(ephemeral),
            tsa::respond);
    assertThat(validate(keyless)).isEmpty();
    assertThat(new String(keyless, StandardCharsets.UTF_8))
        .contains("\"timestampVerificationData\":{\"rfc3161Timestamps\":[{\"signedTimestamp\":\"");
  }

  @Test
  void theValidatorIsStrict() throws Exception {
    KeyPair key = Signers.ephemeralP256();
    String bundle =
        new String(
            Bundles.sign(STATEMENT, key.getPrivate(), key.getPublic(), null),
            StandardCharsets.UTF_8);
    // what the CLI wrote before: the key in publicKey.rawBytes, which the schema has no room for
    String legacy = bundle.replace("{\"hint\":", "{\"rawBytes\":\"AAAA\",\"hint\":");
    assertThat(validate(legacy.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    String noContent = bundle.replaceFirst(",\"dsseEnvelope\":.*}$", "}");
    assertThat(validate(noContent.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
  }

  @Test
  void theControlPlaneChecksAKeySignedBundleWithTheKeyItsHintNames() throws Exception {
    KeyPair key = Signers.ephemeralP256();
    byte[] bundle = Bundles.sign(STATEMENT, key.getPrivate(), key.getPublic(), null);
    byte[] spki = key.getPublic().getEncoded();
    assertThat(BundleVerifier.verify(bundle, KEYS_ONLY, null, spki)).isNotNull();

    assertThatThrownBy(() -> BundleVerifier.verify(bundle, KEYS_ONLY, null, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("needs that public key beside it");
    byte[] other = Signers.ephemeralP256().getPublic().getEncoded();
    assertThatThrownBy(() -> BundleVerifier.verify(bundle, KEYS_ONLY, null, other))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("hint does not name the public key");
    // a hint made to match another key does not make its signature verify
    String forged =
        new String(bundle, StandardCharsets.UTF_8)
            .replaceFirst("\"hint\":\"[0-9a-f]+\"", "\"hint\":\"" + Sha256.keyHint(other) + "\"");
    assertThatThrownBy(
            () ->
                BundleVerifier.verify(
                    forged.getBytes(StandardCharsets.UTF_8), KEYS_ONLY, null, other))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("does not verify");
  }

  private static X509Certificate certificate(KeyPair pair) throws Exception {
    X500Name name = new X500Name("CN=test signer");
    Instant now = Instant.now();
    var builder =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.ONE,
            Date.from(now.minus(Duration.ofMinutes(1))),
            Date.from(now.plus(Duration.ofMinutes(10))),
            name,
            pair.getPublic());
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
  }
}
