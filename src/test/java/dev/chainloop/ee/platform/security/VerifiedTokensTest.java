package dev.chainloop.ee.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
  private static String segment(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonWebToken raw(String token) {
    return new JsonWebToken() {
      @Override
      public String getName() {
        return "t";
      }

      @Override
      public Set<String> getClaimNames() {
        return Set.of();
      }

      @Override
      @SuppressWarnings("unchecked")
      public <T> T getClaim(String name) {
        return name.equals("raw_token") ? (T) token : null;
      }
    };
  }

  @Test
  void readsTheStringClaimsOfThePayload() {
    JsonObject claims =
        VerifiedTokens.claims(
            raw(
                segment("{\"alg\":\"RS256\"}")
                    + "."
                    + segment("{\"org_id\":\"o-1\",\"project_id\":null,\"n\":3}")
                    + ".sig"));

    assertThat(VerifiedTokens.string(claims, "org_id")).isEqualTo("o-1");
    assertThat(VerifiedTokens.string(claims, "project_id")).isNull();
    assertThat(VerifiedTokens.string(claims, "n")).isNull();
    assertThat(VerifiedTokens.string(claims, "workflow_id")).isNull();
  }

  @Test
  void aPayloadThatCannotBeReadHasNoClaims() {
    assertThat(VerifiedTokens.claims(raw("e30.!!!.sig"))).isEmpty();
    assertThat(VerifiedTokens.claims(raw("only-one-segment"))).isEmpty();
    assertThat(VerifiedTokens.claims(raw(null))).isEmpty();
  }

  @Test
  void theKeyIdComesFromTheHeader() {
    String payload = segment("{}");
    assertThat(
            VerifiedTokens.keyId(
                raw(segment("{\"alg\":\"RS256\",\"kid\":\"k-2\"}") + "." + payload + ".s")))
        .isEqualTo("k-2");
    assertThat(VerifiedTokens.keyId(raw(segment("{\"alg\":\"RS256\"}") + "." + payload + ".s")))
        .isNull();
    assertThat(VerifiedTokens.keyId(raw("%%%." + payload + ".s"))).isNull();
  }
}
