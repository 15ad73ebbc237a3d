package dev.chainloop.ee.it.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.cli.attestation.Bundles;
import dev.chainloop.ee.cli.attestation.Keys;
import dev.chainloop.ee.cli.attestation.Signers;
import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Cli;
import dev.chainloop.ee.it.support.DatabaseIndependent;
import dev.chainloop.ee.it.support.SigstoreJs;
import dev.chainloop.ee.it.support.TimestampClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.Base64;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.Test;

/**
 * DoD 6 of issue 19: a keyless bundle the real CLI pushes to the running server verifies with
 * Sigstore's own verifier ({@code @sigstore/verify}, {@link SigstoreJs}) given only the server's
 * TrustedRoot document, offline; a tampered timestamp, or a certificate whose window does not hold
 * the timestamp, fails there and at the server's store.
 */
@DatabaseIndependent
class SigstoreVerifyIT extends AttestationPipelines {
  private final Cli cli = new Cli();

  /** The server's Sigstore TrustedRoot document, saved as a verifier would keep it. */
  private Path trustedRoot() throws Exception {
    Api.Reply root = Api.anonymous().get("/api/v1/signing/trusted-root/sigstore");
    assertThat(root.status()).as(root.toString()).isEqualTo(200);
    return Files.writeString(cli.home().resolve("trusted_root.json"), root.body());
  }

  /** A keyless bundle pushed by the CLI (init, add, push --bundle). */
  private Path pushedKeylessBundle() {
    Cli.Result init = cli.run("att", "init", "--workflow", "sigstore-js", "--project", "p");
    assertThat(init.exitCode()).as(init.toString()).isZero();
    assertThat(cli.run("att", "add", "--value", "v1", "--kind", "STRING").exitCode()).isZero();
    Path bundle = cli.home().resolve("keyless.json");
    Cli.Result push = cli.run("att", "push", "--bundle", bundle.toString());
    assertThat(push.exitCode()).as(push.toString()).isZero();
    return bundle;
  }

  private static String signedTimestamp(String bundle) {
    return Json.createReader(new StringReader(bundle))
        .readObject()
        .getJsonObject("verificationMaterial")
        .getJsonObject("timestampVerificationData")
        .getJsonArray("rfc3161Timestamps")
        .getJsonObject(0)
        .getString("signedTimestamp");
  }

  /**
   * The bundle with its timestamp's genTime moved a year on: the one GeneralizedTime of the token
   * holding this year's four digits (certificate and CMS times before 2050 are two-digit UTCTime).
   */
  private static String withTamperedTimestamp(String bundle) throws Exception {
    String encoded = signedTimestamp(bundle);
    byte[] der = Base64.getDecoder().decode(encoded);
    Instant genTime =
        new TimeStampResponse(der).getTimeStampToken().getTimeStampInfo().getGenTime().toInstant();
    String year = String.valueOf(Year.now().getValue());
    int at = new String(der, StandardCharsets.ISO_8859_1).indexOf(year);
    assertThat(at).as("genTime %s in the token", genTime).isPositive();
    der[at + 3] = (byte) (der[at + 3] == '9' ? '0' : der[at + 3] + 1);
    return bundle.replace(encoded, Base64.getEncoder().encodeToString(der));
  }

  @Test
  void aKeylessBundleFromTheCliVerifiesWithSigstoreJsGivenOnlyOurTrustedRoot() throws Exception {
    cli.env("CHAINLOOP_TOKEN", token);
    Path bundle = pushedKeylessBundle();

    SigstoreJs.Result verified = SigstoreJs.verify(trustedRoot(), bundle);

    assertThat(verified.exitCode()).as(verified.output()).isZero();
    assertThat(verified.output()).isEqualTo("verified");
  }

  @Test
  void aTamperedTimestampFailsSigstoreJs() throws Exception {
    cli.env("CHAINLOOP_TOKEN", token);
    Path bundle = pushedKeylessBundle();
    Path tampered = cli.home().resolve("tampered.json");
    Files.writeString(tampered, withTamperedTimestamp(Files.readString(bundle)));

    SigstoreJs.Result verified = SigstoreJs.verify(trustedRoot(), tampered);

    assertThat(verified.exitCode()).isEqualTo(1);
    assertThat(verified.output()).startsWith("TIMESTAMP_ERROR:");
  }

  @Test
  void theStoreRefusesATamperedTimestampNamingIt() throws Exception {
    String runId = initRun("tampered-ts", "p");
    KeyPair pair = Signers.ephemeralP256();
    String bundle =
        new String(
            Bundles.sign(
                statement(runId, "t"),
                pair.getPrivate(),
                pair.getPublic(),
                certificate(pair),
                TimestampClient.authority(token)),
            StandardCharsets.UTF_8);

    Api.Reply stored = store(runId, withTamperedTimestamp(bundle));

    assertThat(stored.status()).as(stored.toString()).isEqualTo(400);
    assertThat(stored.json().getJsonArray("violations").getJsonObject(0).getString("field"))
        .isEqualTo(
            "verificationMaterial.timestampVerificationData.rfc3161Timestamps[0].signedTimestamp");
  }

  @Test
  void aCertificateOutsideTheTimestampsWindowFailsSigstoreJsAndTheStore() throws Exception {
    KeyPair pair = Signers.ephemeralP256();
    // The statement names no open run: runs expire in the IT server before the wait is over, and
    // the store checks the signature, its timestamp and the certificate before the run it names.
    X509Certificate early = certificate(pair);
    String stampedEarly =
        new String(
            Bundles.sign(
                statement("00000000-0000-0000-0000-000000000000", "l"),
                pair.getPrivate(),
                pair.getPublic(),
                early,
                TimestampClient.authority(token)),
            StandardCharsets.UTF_8);
    Instant stampedAt =
        new TimeStampResponse(Base64.getDecoder().decode(signedTimestamp(stampedEarly)))
            .getTimeStampToken()
            .getTimeStampInfo()
            .getGenTime()
            .toInstant();
    // A certificate for the same key issued once the CA's backdating (chainloop.signing.clock-skew,
    // at most stampedAt - early's notBefore) no longer reaches back to the timestamp: its window
    // starts after the signature was stamped.
    Duration backdating = Duration.between(early.getNotBefore().toInstant(), stampedAt);
    Thread.sleep(
        Math.max(
            0,
            Duration.between(Instant.now(), stampedAt.plus(backdating).plusSeconds(2)).toMillis()));
    X509Certificate late = certificate(pair);
    assertThat(late.getNotBefore().toInstant()).isAfter(stampedAt);
    JsonObject material =
        Json.createReader(new StringReader(stampedEarly))
            .readObject()
            .getJsonObject("verificationMaterial");
    String lateBundle =
        stampedEarly.replace(
            material.getJsonObject("certificate").getString("rawBytes"),
            Base64.getEncoder().encodeToString(late.getEncoded()));
    Path file = Files.writeString(cli.home().resolve("late.json"), lateBundle);

    SigstoreJs.Result verified = SigstoreJs.verify(trustedRoot(), file);
    Api.Reply stored = store(initRun("late-cert", "p"), lateBundle);

    assertThat(verified.exitCode()).isEqualTo(1);
    assertThat(verified.output()).startsWith("CERTIFICATE_ERROR:");
    assertThat(stored.status()).as(stored.toString()).isEqualTo(400);
    assertThat(stored.json().getJsonArray("violations").getJsonObject(0).getString("field"))
        .isEqualTo("verificationMaterial.certificate");
  }

  /** A keyless signing certificate for {@code pair} from the server's CA, issued now. */
  private X509Certificate certificate(KeyPair pair) {
    Api.Reply chain =
        api.post(
            "/api/v1/signing/certificates",
            "{\"publicKey\":\""
                + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())
                + "\"}");
    assertThat(chain.status()).as(chain.toString()).isEqualTo(200);
    return Keys.certificate(Keys.blocks(chain.json().getString("chain")).get(0).der());
  }
}
