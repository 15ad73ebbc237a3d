package dev.chainloop.ee.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chainloop.ee.it.support.S3Server;
import dev.chainloop.ee.shared.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The S3 store against a real s3proxy: put, dedup, size, streaming read, refused credentials. */
class S3ArtifactStoreTest {
  private static S3Server s3;

  @BeforeAll
  static void start() throws IOException {
    s3 =
        S3Server.start(
            // a fresh directory per run: an object left by an earlier run would defeat the dedup
            // check
            Files.createTempDirectory(Path.of("target"), "s3-unit-"),
            "unit-access",
            "unit-secret-Zq81");
    s3.createBucket("cas");
  }

  @AfterAll
  static void stop() {
    if (s3 != null) {
      s3.close();
    }
  }

  private static S3ArtifactStore store(String secret) {
    return new S3ArtifactStore(s3.endpoint(), "us-east-1", "cas", s3.accessKey(), secret);
  }

  @Test
  void storesReadsAndDedupsByDigest(@TempDir Path tmp) throws Exception {
    byte[] content =
        "an SBOM, or something like it\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
    String hex = Sha256.hex(content);
    try (S3ArtifactStore store = store(s3.secretKey())) {
      store.validate();
      assertThat(store.size(hex)).isEmpty();

      Path file = Files.write(tmp.resolve("blob"), content);
      store.put(hex, file, content.length);
      assertThat(file).doesNotExist();
      assertThat(store.size(hex)).hasValue(content.length);
      assertThat(s3.storageDir().resolve("cas/sha256/" + hex)).hasBinaryContent(content);
      try (InputStream in = store.open(hex)) {
        assertThat(in.readAllBytes()).isEqualTo(content);
      }

      Path again = Files.write(tmp.resolve("again"), content);
      store.put(hex, again, content.length);
      assertThat(again).doesNotExist();
      assertThat(store.size(hex)).hasValue(content.length);
    }
  }

  @Test
  void wrongSecretIsRefusedWithTheStoresReason() {
    try (S3ArtifactStore store = store("not-the-secret")) {
      assertThatThrownBy(store::validate)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("bucket cas is not reachable")
          .hasMessageContaining("403")
          .hasMessageNotContaining("not-the-secret");
    }
  }

  @Test
  void missingBucketIsRefused() {
    try (S3ArtifactStore store =
        new S3ArtifactStore(s3.endpoint(), null, "nope", s3.accessKey(), s3.secretKey())) {
      assertThatThrownBy(store::validate).hasMessageContaining("bucket nope is not reachable");
    }
  }
}
