package dev.chainloop.ee.cli.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.shared.Dsse;
import dev.chainloop.ee.shared.Sha256;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DsseAndStatementTest {
  @Test
  void paeMatchesTheSpecTestVector() {
    assertThat(
            new String(
                Dsse.pae(
                    "http://example.com/HelloWorld",
                    "hello world".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8))
        .isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
  }

  @Test
  void bundlesSignedWithEachKeyTypeVerifyAndATamperedOneDoesNot() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    for (KeyPair pair :
        new KeyPair[] {
          Signers.ephemeralP256(),
          rsa.generateKeyPair(),
          KeyPairGenerator.getInstance("Ed25519").generateKeyPair()
        }) {
      // JDK-encoded EC keys omit the public point: such key files carry a PUBLIC KEY block too.
      String pem =
          Keys.pem("PRIVATE KEY", pair.getPrivate().getEncoded())
              + (pair.getPublic().getAlgorithm().equals("EC")
                  ? Keys.pem("PUBLIC KEY", pair.getPublic().getEncoded())
                  : "");
      KeyPair loaded = Signers.fromPem(pem, Keys.Password.from(java.util.Map.of()));
      byte[] bundle =
          Bundles.sign(
              "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
              loaded.getPrivate(),
              loaded.getPublic(),
              null);
      assertThat(Bundles.verify(bundle, pair.getPublic(), null, null).verified())
          .as(pair.getPublic().getAlgorithm())
          .isTrue();
      String tampered =
          new String(bundle, StandardCharsets.UTF_8)
              .replace(
                  Base64.getEncoder().encodeToString("{\"a\":1}".getBytes(StandardCharsets.UTF_8)),
                  Base64.getEncoder().encodeToString("{\"a\":2}".getBytes(StandardCharsets.UTF_8)));
      assertThat(
              Bundles.verify(
                      tampered.getBytes(StandardCharsets.UTF_8), pair.getPublic(), null, null)
                  .verified())
          .isFalse();
    }
  }

  @Test
  void statementHasTheWorkflowSubjectAndMaterialDescriptors() {
    JsonObject state =
        Json.createObjectBuilder()
            .add("attestationId", "run-1")
            .add("initializedAt", "2024-05-13T12:23:00Z")
            .add(
                "workflow",
                Json.createObjectBuilder()
                    .add("id", "wf-1")
                    .add("name", "build")
                    .add("project", "core"))
            .add("organization", "acme")
            .add("contractRevision", 1)
            .add("annotations", Json.createObjectBuilder())
            .add(
                "materials",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("name", "version")
                            .add("kind", "STRING")
                            .add("value", "1.0")
                            .add(
                                "digest",
                                "sha256:" + Sha256.hex("1.0".getBytes(StandardCharsets.UTF_8)))
                            .add("annotations", Json.createObjectBuilder())))
            .build();
    JsonObject st =
        Json.createReader(
                new ByteArrayInputStream(
                    Statement.render(
                        CraftingState.parse(state.toString()),
                        "2024-05-13T12:30:00Z",
                        "dev",
                        java.util.Optional.empty())))
            .readObject();
    assertThat(st.getString("_type")).isEqualTo("https://in-toto.io/Statement/v1");
    assertThat(st.getString("predicateType")).isEqualTo("chainloop.dev/attestation/v0.2");
    assertThat(st.getJsonArray("subject").getJsonObject(0).getString("name"))
        .isEqualTo("chainloop.workflow.build");
    JsonObject pred = st.getJsonObject("predicate");
    assertThat(pred.getJsonObject("metadata").getString("workflowRunID")).isEqualTo("run-1");
    assertThat(
            pred.getJsonArray("materials")
                .getJsonObject(0)
                .getJsonObject("annotations")
                .getString("chainloop.material.type"))
        .isEqualTo("STRING");
  }
}
