package dev.chainloop.ee.it.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.it.support.Api;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.Test;

/** The built-in RFC 3161 timestamp authority over REST. */
class TimestampIT extends AttestationPipelines {
  private HttpResponse<byte[]> post(byte[] body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(Api.BASE_URL + "/api/v1/signing/timestamp"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/timestamp-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void timestampQueryGetsASignedReplyOverTheDigest() throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest("signature".getBytes(StandardCharsets.UTF_8));
    var generator = new TimeStampRequestGenerator();
    generator.setCertReq(true);
    TimeStampRequest request =
        generator.generate(TSPAlgorithms.SHA256, digest, BigInteger.valueOf(42));

    HttpResponse<byte[]> reply = post(request.getEncoded());

    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/timestamp-reply");
    TimeStampResponse response = new TimeStampResponse(reply.body());
    response.validate(request);
    var token = response.getTimeStampToken();
    assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(digest);
    X509CertificateHolder signer =
        (X509CertificateHolder)
            token.getCertificates().getMatches(token.getSID()).iterator().next();
    token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
  }

  @Test
  void garbageIsA400NamingTheTimestampRequest() throws Exception {
    HttpResponse<byte[]> reply = post(new byte[] {1, 2, 3});

    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(new String(reply.body(), StandardCharsets.UTF_8)).contains("timestampRequest");
  }
}
