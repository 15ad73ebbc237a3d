package dev.chainloop.ee.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.shared.Dsse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;

class DsseTest {
  @Test
  void paeMatchesTheSpecTestVector() {
    byte[] pae =
        Dsse.pae("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8));
    assertThat(new String(pae, StandardCharsets.UTF_8))
        .isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
  }

  @Test
  void signaturesVerifyForEcdsaRsaAndEd25519AndNotForAnotherType() throws Exception {
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    for (var pair :
        new KeyPair[] {
          ec.generateKeyPair(),
          rsa.generateKeyPair(),
          KeyPairGenerator.getInstance("Ed25519").generateKeyPair()
        }) {
      byte[] payload = "{}".getBytes(StandardCharsets.UTF_8);
      byte[] sig = Dsse.sign(pair.getPrivate(), Dsse.IN_TOTO_PAYLOAD_TYPE, payload);
      assertThat(Dsse.verify(pair.getPublic(), Dsse.IN_TOTO_PAYLOAD_TYPE, payload, sig)).isTrue();
      assertThat(Dsse.verify(pair.getPublic(), "text/plain", payload, sig)).isFalse();
    }
  }
}
