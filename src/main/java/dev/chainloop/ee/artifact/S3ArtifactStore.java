package dev.chainloop.ee.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * An S3 bucket (AWS or an S3-compatible store at {@code endpoint}); objects are {@code
 * sha256/<hex>}. Uploads stream from the verified file and downloads stream from the response, so
 * memory stays flat whatever the size.
 */
final class S3ArtifactStore implements ArtifactStore, AutoCloseable {
  private final S3Client client;
  private final String bucket;

  S3ArtifactStore(String endpoint, String region, String bucket, String accessKey, String secret) {
    this.bucket = bucket;
    var builder =
        S3Client.builder()
            .httpClient(UrlConnectionHttpClient.create())
            // S3-compatible stores do not all accept the SDK's default trailing checksums.
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .region(Region.of(region == null || region.isBlank() ? "us-east-1" : region))
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)));
    if (endpoint != null && !endpoint.isBlank()) {
      builder
          .endpointOverride(URI.create(endpoint))
          .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
    }
    this.client = builder.build();
  }

  private static String key(String hex) {
    return "sha256/" + hex;
  }

  @Override
  public void validate() throws IOException {
    try {
      client.headBucket(b -> b.bucket(bucket));
    } catch (SdkException e) {
      throw new IOException("bucket " + bucket + " is not reachable: " + reason(e), e);
    }
  }

  @Override
  public OptionalLong size(String hex) throws IOException {
    try {
      return OptionalLong.of(
          client.headObject(b -> b.bucket(bucket).key(key(hex))).contentLength());
    } catch (NoSuchKeyException e) {
      return OptionalLong.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return OptionalLong.empty();
      }
      throw new IOException(reason(e), e);
    } catch (SdkException e) {
      throw new IOException(reason(e), e);
    }
  }

  @Override
  public void put(String hex, Path verifiedFile, long size) throws IOException {
    try {
      if (size(hex).isEmpty()) {
        client.putObject(
            b -> b.bucket(bucket).key(key(hex)).contentLength(size),
            RequestBody.fromFile(verifiedFile));
      }
    } catch (SdkException e) {
      throw new IOException(reason(e), e);
    } finally {
      Files.deleteIfExists(verifiedFile);
    }
  }

  @Override
  public InputStream open(String hex) throws IOException {
    try {
      return client.getObject(b -> b.bucket(bucket).key(key(hex)));
    } catch (SdkException e) {
      throw new IOException(reason(e), e);
    }
  }

  @Override
  public void close() {
    client.close();
  }

  /** The store's own error code and message, never the request (which carries the signature). */
  private static String reason(SdkException e) {
    if (e instanceof S3Exception s3 && s3.awsErrorDetails() != null) {
      var d = s3.awsErrorDetails();
      return s3.statusCode()
          + " "
          + d.errorCode()
          + (d.errorMessage() == null ? "" : ": " + d.errorMessage());
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
