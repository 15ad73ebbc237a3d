package dev.chainloop.ee.attestation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chainloop.ee.platform.error.InvalidInputException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimestampAuthorityTest {
  @TempDir Path keys;

  private TimestampAuthority open() {
    TimestampAuthority tsa = new TimestampAuthority();
    tsa.open(keys);
    return tsa;
  }

  private static TimeStampToken stamp(TimestampAuthority tsa, byte[] digest) throws Exception {
    var generator = new TimeStampRequestGenerator();
    generator.setCertReq(true);
    var request = generator.generate(TSPAlgorithms.SHA256, digest, BigInteger.TEN);
    var response = new TimeStampResponse(tsa.respond(request.getEncoded()));
    response.validate(request);
    return response.getTimeStampToken();
  }

  @Test
  void timestampsADigestWithTheActiveCertificateChainedToTheRoot() throws Exception {
    TimestampAuthority tsa = open();
    byte[] digest =
        java.security.MessageDigest.getInstance("SHA-256")
            .digest("sig".getBytes(StandardCharsets.UTF_8));
    TimeStampToken token = stamp(tsa, digest);
    X509Certificate signer = tsa.activeCertificate();
    token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
    assertArrayEquals(digest, token.getTimeStampInfo().getMessageImprintDigest());
    signer.verify(tsa.root().getPublicKey());
  }

  @Test
  void rotationKeepsOldCertificatesListedAndPersists() throws Exception {
    TimestampAuthority tsa = open();
    X509Certificate first = tsa.activeCertificate();
    X509Certificate second = tsa.rotate();
    assertNotEquals(first, second);
    TimestampAuthority reopened = open();
    assertEquals(java.util.List.of(first, second), reopened.signingCertificates());
    assertEquals(second, reopened.activeCertificate());
    assertEquals(tsa.root(), reopened.root());
  }

  @Test
  void garbageRequestIsA400NamingTheField() {
    var e = assertThrows(InvalidInputException.class, () -> open().respond(new byte[] {1, 2, 3}));
    assertEquals(400, e.status());
  }
}
