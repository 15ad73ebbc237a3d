package dev.chainloop.ee.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class CasLocationsTest {
  @Test
  void ociRepositoriesAreHttpsUnlessOnLoopback() {
    assertThat(OciArtifactStore.parse("ghcr.io/acme/cas"))
        .isEqualTo(new OciArtifactStore.Repo(URI.create("https://ghcr.io"), "acme/cas"));
    assertThat(OciArtifactStore.parse("http://127.0.0.1:5000/cas").base())
        .isEqualTo(URI.create("http://127.0.0.1:5000"));
    assertThatThrownBy(() -> OciArtifactStore.parse("http://registry.example.com/cas"))
        .hasMessageContaining("localhost only");
    assertThatThrownBy(() -> OciArtifactStore.parse("registry.example.com"))
        .hasMessageContaining("host[:port]/path");
    assertThatThrownBy(() -> OciArtifactStore.parse("registry.example.com/Bad Name"))
        .hasMessageContaining("not an OCI repository name");
  }

  @Test
  void s3LocationsAreABucketOrEndpointAndBucketAsUpstreamWritesThem() {
    assertThat(CasStores.S3Location.parse("my-bucket"))
        .isEqualTo(new CasStores.S3Location(null, "my-bucket"));
    assertThat(CasStores.S3Location.parse("https://minio.example.com:9000/my-bucket"))
        .isEqualTo(new CasStores.S3Location("https://minio.example.com:9000", "my-bucket"));
    assertThatThrownBy(() -> CasStores.S3Location.parse("Not_A_Bucket"))
        .hasMessageContaining("not an S3 bucket name");
    assertThatThrownBy(() -> CasStores.S3Location.parse("ftp://host/bucket"))
        .hasMessageContaining("http(s)://host[:port]");
  }
}
