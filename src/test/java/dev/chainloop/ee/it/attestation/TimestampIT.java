package dev.chainloop.ee.it.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.TimestampClient;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.Test;

/**
 * The built-in RFC 3161 timestamp authority over REST, and the trust anchors as a Sigstore
 * TrustedRoot document (checked against sigstore/protobuf-specs' JSON Schema).
 */
class TimestampIT extends AttestationPipelines {
  private HttpResponse<byte[]> post(byte[] body) {
    return TimestampClient.post(token, body);
  }

  @Test
  void timestampQueryGetsASignedReplyOverTheDigest() throws Exception {
    byte[] signature = "signature".getBytes(StandardCharsets.UTF_8);
    TimeStampRequest request = TimestampClient.request(signature, 42);

    HttpResponse<byte[]> reply = post(request.getEncoded());

    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/timestamp-reply");
    TimeStampResponse response = new TimeStampResponse(reply.body());
    response.validate(request);
    var token = response.getTimeStampToken();
    assertThat(token.getTimeStampInfo().getMessageImprintDigest())
        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(signature));
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

  private static HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(Api.BASE_URL + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static X509Certificate der(JsonNode rawBytes) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(
                new ByteArrayInputStream(Base64.getDecoder().decode(rawBytes.asText())));
  }

  @Test
  void trustedRootIsASigstoreDocumentWithTheSigningCaAndTheTimestampSigner() throws Exception {
    HttpResponse<String> document = get("/api/v1/signing/trusted-root/sigstore");

    assertThat(document.statusCode()).isEqualTo(200);
    // The generator renders proto3's `optional end` as a synthetic oneOf requiring it; the
    // message's
    // own description (and Sigstore's public trusted root) has end optional: drop that oneOf.
    var schemaJson =
        new ObjectMapper()
            .readTree(Path.of("src/test/resources/sigstore/TrustedRoot.schema.json").toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode)
            schemaJson.path("definitions").path("dev.sigstore.common.v1.TimeRange"))
        .remove("oneOf");
    var schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
            .getSchema(schemaJson.toString(), InputFormat.JSON);
    assertThat(schema.validate(document.body(), InputFormat.JSON)).isEmpty();
    JsonNode root = new ObjectMapper().readTree(document.body());
    assertThat(root.path("mediaType").asText())
        .isEqualTo("application/vnd.dev.sigstore.trustedroot+json;version=0.1");

    // The CA is the one the old endpoint serves as PEM.
    JsonNode ca = root.path("certificateAuthorities").get(0);
    X509Certificate caCert = der(ca.path("certChain").path("certificates").get(0).path("rawBytes"));
    String pem =
        new ObjectMapper()
            .readTree(get("/api/v1/signing/trusted-root").body())
            .path("certificate")
            .asText();
    X509Certificate caFromPem =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    assertThat(caCert).isEqualTo(caFromPem);
    assertThat(Instant.parse(ca.path("validFor").path("start").asText()))
        .isEqualTo(caCert.getNotBefore().toInstant());
    assertThat(Instant.parse(ca.path("validFor").path("end").asText()))
        .isEqualTo(caCert.getNotAfter().toInstant());

    // The newest timestamp authority (no end) is the signer of a fresh reply, chained to its root.
    JsonNode tsas = root.path("timestampAuthorities");
    JsonNode newest = tsas.get(tsas.size() - 1);
    assertThat(newest.path("validFor").has("end")).isFalse();
    X509Certificate signer =
        der(newest.path("certChain").path("certificates").get(0).path("rawBytes"));
    X509Certificate tsaRoot =
        der(newest.path("certChain").path("certificates").get(1).path("rawBytes"));
    signer.verify(tsaRoot.getPublicKey());

    TimeStampRequest request =
        TimestampClient.request("signature".getBytes(StandardCharsets.UTF_8), 7);
    var token = new TimeStampResponse(post(request.getEncoded()).body()).getTimeStampToken();
    token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
  }
}
