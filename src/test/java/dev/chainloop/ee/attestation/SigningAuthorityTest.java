package dev.chainloop.ee.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.platform.config.ChainloopConfig;
import dev.chainloop.ee.platform.security.KeysReloaded;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19: the keyless signing CA rotates by files dropped into the keys directory. */
class SigningAuthorityTest {
  @TempDir Path dir;
  private SigningAuthority ca;
  private X509Certificate first;
  private X509Certificate next;

  @BeforeEach
  void setUp() throws Exception {
    ca = new SigningAuthority();
    ca.config =
        new ChainloopConfig() {
          @Override
          public Path keysDir() {
            return dir;
          }

          @Override
          public Duration signingClockSkew() {
            return Duration.ofSeconds(90);
          }
        };
    ca.load();
    first = ca.certificate();
    KeyPair pair = KeyMaterial.ecKeyPair();
    next = KeyMaterial.selfSignedCa(pair, "CN=next CA,O=chainloop", Duration.ofDays(30));
    Files.createDirectories(dir.resolve(SigningAuthority.RING_DIR));
    KeyMaterial.write(
        dir.resolve(SigningAuthority.RING_DIR),
        "next-key.pem",
        pair.getPrivate(),
        "next-cert.pem",
        next);
  }

  private X509Certificate issuerOfNewLeaf() throws Exception {
    X509Certificate leaf = newLeaf();
    for (X509Certificate candidate : ca.certificates()) {
      try {
        leaf.verify(candidate.getPublicKey());
        return candidate;
      } catch (java.security.GeneralSecurityException e) {
        // next
      }
    }
    throw new AssertionError("leaf not issued by a trusted CA");
  }

  private X509Certificate newLeaf() throws Exception {
    KeyPair signer = KeyMaterial.ecKeyPair();
    String chain =
        ca.issue(
            null,
            Base64.getEncoder().encodeToString(signer.getPublic().getEncoded()),
            "alice",
            "acme");
    var certs =
        CertificateFactory.getInstance("X.509")
            .generateCertificates(
                new ByteArrayInputStream(chain.getBytes(StandardCharsets.US_ASCII)));
    return (X509Certificate) certs.iterator().next();
  }

  @Test
  void aLeafIsBackdatedByTheConfiguredClockSkew() throws Exception {
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    X509Certificate leaf = newLeaf();
    Instant after = Instant.now();
    assertThat(leaf.getNotBefore().toInstant())
        .isBetween(before.minusSeconds(90), after.minusSeconds(90));
  }

  @Test
  void aDroppedCaIsTrustedAndIssuesOnceActive() throws Exception {
    ca.reload(new KeysReloaded());
    assertThat(ca.certificates()).containsExactly(first, next);
    assertThat(issuerOfNewLeaf()).isEqualTo(first);

    Files.writeString(dir.resolve(SigningAuthority.ACTIVE_FILE), "next\n");
    ca.reload(new KeysReloaded());

    assertThat(ca.certificate()).isEqualTo(next);
    assertThat(ca.certificates()).containsExactly(next, first);
    assertThat(issuerOfNewLeaf()).isEqualTo(next);
  }

  @Test
  void anActiveNameWithoutItsFilesKeepsTheCurrentSet() throws Exception {
    Files.writeString(dir.resolve(SigningAuthority.ACTIVE_FILE), "missing\n");
    ca.reload(new KeysReloaded());
    assertThat(ca.certificates()).containsExactly(first);
  }

  @Test
  void deletingACasFilesRetiresIt() throws Exception {
    Files.writeString(dir.resolve(SigningAuthority.ACTIVE_FILE), "next\n");
    ca.reload(new KeysReloaded());
    Files.delete(dir.resolve(SigningAuthority.KEY_FILE));
    Files.delete(dir.resolve(SigningAuthority.CERT_FILE));
    ca.reload(new KeysReloaded());
    assertThat(ca.certificates()).containsExactly(next);
  }
}
