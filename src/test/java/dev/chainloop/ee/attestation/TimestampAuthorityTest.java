package dev.chainloop.ee.attestation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.chainloop.ee.platform.error.InvalidInputException;
import dev.chainloop.ee.platform.error.UpstreamFailureException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterEach;
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
        MessageDigest.getInstance("SHA-256").digest("sig".getBytes(StandardCharsets.UTF_8));
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
    assertEquals(List.of(first, second), reopened.signingCertificates());
    assertEquals(second, reopened.activeCertificate());
    assertEquals(tsa.root(), reopened.root());
  }

  @Test
  void garbageRequestIsA400NamingTheField() {
    var e = assertThrows(InvalidInputException.class, () -> open().respond(new byte[] {1, 2, 3}));
    assertEquals(400, e.status());
  }

  @TempDir Path externalKeys;
  @TempDir Path strangerKeys;

  /**
   * A built-in authority forwarding to an HTTP TSA that answers each request with {@code answer};
   * the external TSA's chain configured is {@code external}'s.
   */
  private TimestampAuthority forwardingTo(TimestampAuthority external, UnaryOperator<byte[]> answer)
      throws Exception {
    var http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext(
        "/tsr",
        exchange -> {
          try (exchange) {
            byte[] reply = answer.apply(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
          }
        });
    http.start();
    servers.add(http);
    Path chain = externalKeys.resolve("chain.pem");
    Files.writeString(
        chain,
        KeyMaterial.pem("CERTIFICATE", external.activeCertificate().getEncoded())
            + KeyMaterial.pem("CERTIFICATE", external.root().getEncoded()));
    TimestampAuthority tsa = open();
    tsa.useExternal(URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/tsr"), chain);
    return tsa;
  }

  private final List<HttpServer> servers = new ArrayList<>();

  @AfterEach
  void stopServers() {
    servers.forEach(s -> s.stop(0));
  }

  private TimestampAuthority other(Path keys) {
    TimestampAuthority tsa = new TimestampAuthority();
    tsa.open(keys);
    return tsa;
  }

  @Test
  void anExternalTsasReplyIsPassedOnAndItsSignerTrusted() throws Exception {
    TimestampAuthority external = other(strangerKeys.resolve("external"));
    TimestampAuthority tsa = forwardingTo(external, external::respond);
    byte[] digest = new byte[32];

    TimeStampToken token = stamp(tsa, digest);

    token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(external.activeCertificate()));
    assertEquals(
        List.of(tsa.activeCertificate(), external.activeCertificate()), tsa.trustedSigners());
  }

  @Test
  void anExternalReplyToAnotherRequestIsA502() throws Exception {
    TimestampAuthority external = other(strangerKeys.resolve("external"));
    byte[] stale =
        external.respond(
            new TimeStampRequestGenerator()
                .generate(TSPAlgorithms.SHA256, new byte[32], BigInteger.ONE)
                .getEncoded());
    TimestampAuthority tsa = forwardingTo(external, request -> stale);

    var e = assertThrows(UpstreamFailureException.class, () -> stamp(tsa, new byte[32]));
    assertEquals(502, e.status());
    assertTrue(e.getMessage().contains("unusable timestamp"), e.getMessage());
  }

  @Test
  void anExternalReplySignedByAnotherCertificateThanConfiguredIsA502() throws Exception {
    TimestampAuthority external = other(strangerKeys.resolve("external"));
    TimestampAuthority stranger = other(strangerKeys.resolve("stranger"));
    TimestampAuthority tsa = forwardingTo(external, stranger::respond);

    var e = assertThrows(UpstreamFailureException.class, () -> stamp(tsa, new byte[32]));
    assertEquals(502, e.status());
    assertTrue(e.getMessage().contains("not signed by the configured certificate"), e.getMessage());
  }
}
