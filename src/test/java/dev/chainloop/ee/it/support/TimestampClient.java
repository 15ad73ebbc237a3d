package dev.chainloop.ee.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.function.UnaryOperator;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;

/**
 * The control plane's RFC 3161 endpoint ({@code POST /api/v1/signing/timestamp}) as tests call it.
 */
public final class TimestampClient {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private TimestampClient() {}

  /** A TimeStampReq over the SHA-256 of {@code data}, asking for the TSA's certificate. */
  public static TimeStampRequest request(byte[] data, long nonce) {
    try {
      var generator = new TimeStampRequestGenerator();
      generator.setCertReq(true);
      return generator.generate(
          TSPAlgorithms.SHA256,
          MessageDigest.getInstance("SHA-256").digest(data),
          BigInteger.valueOf(nonce));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Posts a DER body as {@code application/timestamp-query}; the raw answer. */
  public static HttpResponse<byte[]> post(String token, byte[] body) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(Api.BASE_URL + "/api/v1/signing/timestamp"))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/timestamp-query")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The endpoint as a timestamp authority the CLI's bundle code can sign with. */
  public static UnaryOperator<byte[]> authority(String token) {
    return request -> {
      HttpResponse<byte[]> reply = post(token, request);
      if (reply.statusCode() != 200) {
        throw new IllegalStateException("timestamp request answered " + reply.statusCode());
      }
      return reply.body();
    };
  }
}
