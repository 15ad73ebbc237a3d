package dev.chainloop.ee.it.apitoken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Fixtures;
import dev.chainloop.ee.it.support.TestTokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way of presenting a bad token answers 401 (never 500), and scoping holds. */
class ApiTokenSecurityIT {
  private static Fixtures.Account owner;
  private static String token;
  private static JsonObject claims;

  @BeforeAll
  static void setUp() {
    owner = Fixtures.ownerWithOrg();
    token = Fixtures.apiToken(owner);
    try (var r = Json.createReader(new StringReader(TestTokens.decodePart(token, 1)))) {
      claims = r.readObject();
    }
  }

  private static void assertRejected(String bearer) {
    Api.Reply reply = Api.withToken(bearer).get("/api/v1/context");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
    assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
  }

  private static String claimsWith(String name, String value) {
    var b = Json.createObjectBuilder(claims);
    if (value == null) {
      b.remove(name);
    } else {
      b.add(name, value);
    }
    return b.build().toString();
  }

  @Test
  void theValidTokenWorks() {
    Api.Reply reply = Api.withToken(token).get("/api/v1/context");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().getJsonObject("organization").getString("name")).isEqualTo(owner.org());
  }

  @Test
  void listingTakesALimitOldestFirst() {
    Fixtures.Account account = Fixtures.ownerWithOrg();
    for (String name : new String[] {"first", "second", "third"}) {
      Fixtures.apiToken(account, "{\"name\":\"" + name + "\"}");
    }
    Api.Reply two =
        account
            .api()
            .header("Chainloop-Organization", account.org())
            .get("/api/v1/api-tokens?limit=2");
    assertThat(two.status()).as(two.toString()).isEqualTo(200);
    assertThat(two.json().getJsonArray("items").getValuesAs(JsonObject.class))
        .extracting(t -> t.getString("name"))
        .containsExactly("first", "second");
    assertThat(
            account
                .api()
                .header("Chainloop-Organization", account.org())
                .get("/api/v1/api-tokens?limit=0")
                .status())
        .isEqualTo(400);
  }

  @Test
  void noTokenIsRejected() {
    assertThat(Api.anonymous().get("/api/v1/context").status()).isEqualTo(401);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc",
        "abc.def",
        "a.b.c.d",
        "!!!.@@@.###",
        "e30.e30.e30",
        "bm90IGpzb24.bm90IGpzb24.c2ln",
        "..",
        "Bearer"
      })
  void malformedTokensAreRejected(String bad) {
    assertRejected(bad);
  }

  @Test
  void hugeTokenIsRejected() {
    assertRejected("a".repeat(16 * 1024) + "." + "b".repeat(100) + ".c");
  }

  @Test
  void algNoneIsRejected() {
    assertRejected(
        TestTokens.b64("{\"alg\":\"none\",\"typ\":\"JWT\"}")
            + "."
            + TestTokens.b64(claims.toString())
            + ".");
  }

  @Test
  void keyConfusionHs256WithThePublicKeyIsRejected() throws Exception {
    assertRejected(TestTokens.hs256WithPublicKey(claims.toString()));
  }

  @Test
  void wrongOrMissingIssuerAndAudienceAreRejected() throws Exception {
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
    assertThat(
            Api.withToken(TestTokens.signWithServerKey(header, claims.toString()))
                .get("/api/v1/context")
                .status())
        .as("the same claims re-signed are accepted: each refusal below is the edited claim's")
        .isEqualTo(200);
    assertRejected(TestTokens.signWithServerKey(header, claimsWith("iss", "evil")));
    assertRejected(TestTokens.signWithServerKey(header, claimsWith("iss", null)));
    assertRejected(TestTokens.signWithServerKey(header, claimsWith("aud", null)));
    var wrongAud =
        Json.createObjectBuilder(claims)
            .add("aud", Json.createArrayBuilder().add("someone-else"))
            .build();
    assertRejected(TestTokens.signWithServerKey(header, wrongAud.toString()));
  }

  @Test
  void tamperedSignatureIsRejected() {
    String[] parts = token.split("\\.");
    char[] sig = parts[2].toCharArray();
    sig[10] = sig[10] == 'A' ? 'B' : 'A';
    assertRejected(parts[0] + "." + parts[1] + "." + new String(sig));
    // and a payload changed under the original signature
    assertRejected(
        parts[0] + "." + TestTokens.b64(claimsWith("token_name", "other")) + "." + parts[2]);
  }

  @Test
  void signedTokenWithoutARowOrWithAnEditedOrgIsRejected() throws Exception {
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
    assertRejected(
        TestTokens.signWithServerKey(header, claimsWith("jti", UUID.randomUUID().toString())));
    Fixtures.Account other = Fixtures.ownerWithOrg();
    String otherOrgId =
        Api.withToken(Fixtures.apiToken(other))
            .get("/api/v1/context")
            .json()
            .getJsonObject("organization")
            .getString("id");
    assertRejected(TestTokens.signWithServerKey(header, claimsWith("org_id", otherOrgId)));
  }

  @Test
  void expiredTokenIsRejected() throws Exception {
    Api.Reply created =
        owner.api().post("/api/v1/api-tokens", "{\"name\":\"short\",\"expiresIn\":\"2s\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String shortLived = created.json().getString("token");
    assertThat(Api.withToken(shortLived).get("/api/v1/context").status()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> Api.withToken(shortLived).get("/api/v1/context").status() == 401);
    assertRejected(shortLived);
  }

  @Test
  void revokedTokenIsRejectedOnTheNextRequest() {
    Api.Reply created = owner.api().post("/api/v1/api-tokens", "{\"name\":\"to-revoke\"}");
    String id = created.json().getString("id");
    String revocable = created.json().getString("token");
    assertThat(Api.withToken(revocable).get("/api/v1/context").status()).isEqualTo(200);
    assertThat(owner.api().delete("/api/v1/api-tokens/" + id).status()).isEqualTo(204);
    Api.Reply rejected = Api.withToken(revocable).get("/api/v1/context");
    assertThat(rejected.status()).isEqualTo(401);
    assertThat(rejected.json().getString("detail")).contains("revoked");
    assertThat(owner.api().delete("/api/v1/api-tokens/" + id).status())
        .as("revoke is idempotent")
        .isEqualTo(204);
  }

  @Test
  void userAndApiTokensAreNotInterchangeable() {
    Api.Reply userOnApiOnly = owner.api().get("/api/v1/api-tokens/self");
    assertThat(userOnApiOnly.status()).as(userOnApiOnly.toString()).isEqualTo(401);
    Api.Reply apiOnUserOnly = Api.withToken(token).post("/api/v1/auth/logout", "");
    assertThat(apiOnUserOnly.status()).as(apiOnUserOnly.toString()).isEqualTo(401);
    assertThat(Api.withToken(token).get("/api/v1/api-tokens/self").status()).isEqualTo(200);
  }

  @Test
  void defaultTokenCannotManageMembersOrInvitations() {
    Api.Reply members = Api.withToken(token).get("/api/v1/members");
    assertThat(members.status()).as(members.toString()).isEqualTo(403);
    Api.Reply invite =
        Api.withToken(token)
            .post("/api/v1/invitations", "{\"receiver\":\"x@example.com\",\"role\":\"admin\"}");
    assertThat(invite.status()).isEqualTo(403);
    assertThat(invite.json().getString("detail")).contains("organization_invitations:create");
  }

  @Test
  void orgTokenCannotMintGlobalTokens() {
    Api.Reply reply =
        Api.withToken(token).post("/api/v1/api-tokens", "{\"name\":\"global-from-token\"}");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().getString("detail")).contains("must specify a project");
  }

  @Test
  void narrowedTokenCannotUseWhatItWasNotGranted() {
    String narrow =
        Fixtures.apiToken(owner, "{\"name\":\"narrow\",\"permissions\":[\"organization:read\"]}");
    assertThat(Api.withToken(narrow).get("/api/v1/context").status()).isEqualTo(200);
    Api.Reply list = Api.withToken(narrow).get("/api/v1/api-tokens");
    assertThat(list.status()).isEqualTo(403);
    Api.Reply widen =
        owner
            .api()
            .post(
                "/api/v1/api-tokens",
                "{\"name\":\"wide\",\"permissions\":[\"organization:delete\"]}");
    assertThat(widen.status()).isEqualTo(400);
  }

  @Test
  void readOnlyWorkflowTokenCannotCreateAWorkflow() {
    String readOnly =
        Fixtures.apiToken(
            owner,
            "{\"name\":\"wf-reader\",\"permissions\":[\"workflow:read\",\"workflow:list\"]}");
    assertThat(Api.withToken(readOnly).get("/api/v1/workflows").status()).isEqualTo(200);
    Api.Reply create =
        Api.withToken(readOnly)
            .post(
                "/api/v1/workflows",
                "{\"name\":\"nope\",\"project\":\"p\",\"createRobotAccount\":false}");
    assertThat(create.status()).as(create.toString()).isEqualTo(403);
    assertThat(create.json().getString("detail")).contains("workflow:create");
  }

  @Test
  void crossOrganizationRevokeIsNotFoundAndLeavesTheTokenWorking() {
    Fixtures.Account attacker = Fixtures.ownerWithOrg();
    String victimId = Api.withToken(token).get("/api/v1/api-tokens/self").json().getString("id");
    assertThat(attacker.api().delete("/api/v1/api-tokens/" + victimId).status()).isEqualTo(404);
    assertThat(Api.withToken(token).get("/api/v1/context").status()).isEqualTo(200);
  }

  @Test
  void expirationIsValidatedAndMatchesTheExpClaim() {
    for (String ok : new String[] {"1h", "24h", "30d", "2w"}) {
      Api.Reply reply =
          owner
              .api()
              .post(
                  "/api/v1/api-tokens",
                  "{\"name\":\"" + Fixtures.uniqueName("exp") + "\",\"expiresIn\":\"" + ok + "\"}");
      assertThat(reply.status()).as(ok + " " + reply).isEqualTo(201);
      Instant expiresAt = Instant.parse(reply.json().getString("expiresAt"));
      long exp =
          Json.createReader(
                  new StringReader(TestTokens.decodePart(reply.json().getString("token"), 1)))
              .readObject()
              .getJsonNumber("exp")
              .longValue();
      assertThat(Math.abs(expiresAt.getEpochSecond() - exp)).as(ok).isLessThanOrEqualTo(1);
    }
    Api.Reply never =
        owner.api().post("/api/v1/api-tokens", "{\"name\":\"never\",\"expiresIn\":\"0\"}");
    assertThat(never.status()).isEqualTo(201);
    assertThat(never.json().containsKey("expiresAt") && !never.json().isNull("expiresAt"))
        .isFalse();
    for (String bad : new String[] {"-1h", "garbage", "10x", "400d"}) {
      Api.Reply reply =
          owner
              .api()
              .post("/api/v1/api-tokens", "{\"name\":\"bad\",\"expiresIn\":\"" + bad + "\"}");
      assertThat(reply.status()).as(bad).isEqualTo(400);
      assertThat(reply.json().getJsonArray("violations").getJsonObject(0).getString("field"))
          .isEqualTo("expiresIn");
    }
  }

  @Test
  void organizationCapsTokenLifetime() {
    Fixtures.Account capped = Fixtures.ownerWithOrg();
    Api.Reply update =
        capped
            .api()
            .patch("/api/v1/organizations/" + capped.org(), "{\"apiTokenMaxLifetime\":\"720h\"}");
    assertThat(update.status()).as(update.toString()).isEqualTo(200);
    Api.Reply over =
        capped.api().post("/api/v1/api-tokens", "{\"name\":\"long\",\"expiresIn\":\"31d\"}");
    assertThat(over.status()).isEqualTo(400);
    assertThat(over.json().getString("detail")).contains("maximum API token lifetime");
    Api.Reply defaulted = capped.api().post("/api/v1/api-tokens", "{\"name\":\"default\"}");
    assertThat(defaulted.json().getString("expiresAt")).isNotBlank();
  }

  @Test
  void namesAreValidatedAndUniqueAmongActiveTokens() {
    Fixtures.Account acct = Fixtures.ownerWithOrg();
    assertThat(acct.api().post("/api/v1/api-tokens", "{\"name\":\"Not_DNS\"}").status())
        .isEqualTo(400);
    Api.Reply first = acct.api().post("/api/v1/api-tokens", "{\"name\":\"dup\"}");
    assertThat(acct.api().post("/api/v1/api-tokens", "{\"name\":\"dup\"}").status()).isEqualTo(409);
    acct.api().delete("/api/v1/api-tokens/" + first.json().getString("id"));
    assertThat(acct.api().post("/api/v1/api-tokens", "{\"name\":\"dup\"}").status())
        .as("reusable after revoke")
        .isEqualTo(201);
  }

  @Test
  void listNeverCarriesTheTokenAndShowsStatusAndLastUse() {
    Fixtures.Account acct = Fixtures.ownerWithOrg();
    String t = Fixtures.apiToken(acct, "{\"name\":\"listed\"}");
    Api.withToken(t).get("/api/v1/context");
    Api.Reply all = acct.api().get("/api/v1/api-tokens?status=all");
    assertThat(all.body()).doesNotContain(t).doesNotContain(t.split("\\.")[2]);
    JsonObject item = all.json().getJsonArray("items").getJsonObject(0);
    assertThat(item.getString("status")).isEqualTo("active");
    assertThat(item.getString("lastUsedAt")).isNotBlank();
  }
}
