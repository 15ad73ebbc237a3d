package dev.chainloop.ee.it.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Cli;
import dev.chainloop.ee.it.support.Fixtures;
import dev.chainloop.ee.it.support.OidcIssuer;
import dev.chainloop.ee.it.support.OidcIssuer.GitHubJob;
import dev.chainloop.ee.it.support.TestTokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Federated CI identity end to end: an organization trusts the OIDC identity of one repository's
 * GitHub Actions jobs (an {@link OidcIssuer} the test starts, as GitHub's cannot be reached), and a
 * pipeline without any API token attests through the real CLI; tokens of another repository, past
 * their expiry, for another audience, signed by a rotated-out key, forged, or of an untrusted
 * issuer are refused with the reason audited; the exchanged credential's life and scope are the
 * rule's, and deleting the rule revokes it.
 */
class FederatedIdentityIT {
  private static final String AUDIENCE = "chainloop";
  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final GitHubJob MAIN = GitHubJob.of("acme/app", "refs/heads/main");

  private final Fixtures.Account owner = Fixtures.ownerWithOrg();
  private final String apiToken = Fixtures.apiToken(owner);
  private final Cli admin = new Cli();
  private OidcIssuer issuer;
  private String ruleId;

  @BeforeEach
  void trustTheMainBranchOfAcmeApp() {
    issuer = OidcIssuer.start();
    ok(admin, "wf", "create", "--name", "build", "--project", "core", "--token", apiToken);
    Cli.Result created =
        ok(
            admin,
            "org",
            "trusted-identity",
            "create",
            "--issuer",
            issuer.url(),
            "--audience",
            AUDIENCE,
            "--condition",
            "repository=acme/app",
            "--condition",
            "ref=refs/heads/main",
            "--project",
            "core",
            "--workflow",
            "build",
            "-o",
            "json",
            "--org",
            owner.org(),
            "--token",
            owner.userToken());
    JsonObject rule = json(created.stdout());
    ruleId = rule.getString("id");
    assertThat(rule.getString("scope")).startsWith("workflow/");
  }

  @AfterEach
  void stopIssuer() {
    issuer.close();
  }

  @Test
  void aPipelineWithoutAnApiTokenAttestsWithItsGitHubActionsIdentity() {
    Cli pipeline =
        new Cli()
            .env("ACTIONS_ID_TOKEN_REQUEST_URL", issuer.requestUrl())
            .env("ACTIONS_ID_TOKEN_REQUEST_TOKEN", issuer.requestToken())
            .env("GITHUB_ACTIONS", "true")
            .env("GITHUB_SERVER_URL", "https://github.com")
            .env("GITHUB_REPOSITORY", "acme/app")
            .env("GITHUB_RUN_ID", "7412345678");

    Cli.Result init = ok(pipeline, "att", "init", "--workflow", "build", "--project", "core");
    Matcher id = UUID.matcher(init.stdout());
    assertThat(id.find()).as(init.toString()).isTrue();
    ok(pipeline, "att", "add", "--name", "version", "--kind", "STRING", "--value", "1.2.3");
    ok(pipeline, "att", "push", "--key", pipeline.signingKey().toString());

    String runId = id.group();
    JsonObject ci = json(describe(runId, "json")).getJsonObject("run").getJsonObject("ciIdentity");
    assertThat(ci.getString("issuer")).isEqualTo(issuer.url());
    assertThat(ci.getString("subject")).isEqualTo("repo:acme/app:ref:refs/heads/main");
    assertThat(ci.getString("repository")).isEqualTo("acme/app");
    assertThat(ci.getString("ref")).isEqualTo("refs/heads/main");
    assertThat(ci.getString("workflow"))
        .isEqualTo("acme/app/.github/workflows/release.yml@refs/heads/main");
    assertThat(ci.getString("runId")).isEqualTo("7412345678");

    assertThat(describe(runId, "table"))
        .contains("CI Repository", "acme/app", "CI Run ID", "7412345678");
    JsonObject annotations =
        json(describe(runId, "statement")).getJsonObject("predicate").getJsonObject("annotations");
    assertThat(annotations.getString("chainloop.ci.repository")).isEqualTo("acme/app");
    assertThat(annotations.getString("chainloop.ci.ref")).isEqualTo("refs/heads/main");
    assertThat(annotations.getString("chainloop.ci.run_id")).isEqualTo("7412345678");
    assertThat(annotations.getString("chainloop.ci.issuer")).isEqualTo(issuer.url());
  }

  @Test
  void aPipelineOfAnotherRepositoryGetsOneErrorLineAndNoRun() {
    issuer.runs(GitHubJob.of("mallory/app", "refs/heads/main"));
    Cli pipeline =
        new Cli()
            .env("ACTIONS_ID_TOKEN_REQUEST_URL", issuer.requestUrl())
            .env("ACTIONS_ID_TOKEN_REQUEST_TOKEN", issuer.requestToken());

    Cli.Result init = pipeline.run("att", "init", "--workflow", "build", "--project", "core");
    assertThat(init.exitCode()).as(init.toString()).isNotZero();
    assertThat(init.stderr().lines().filter(l -> !l.startsWith("INF ")))
        .as(init.toString())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .endsWith(
                        "token exchange refused: the ID token meets no trusted identity (claim"
                            + " repository)"));
    JsonObject workflow =
        Api.withToken(apiToken)
            .get("/api/v1/workflows?project=core")
            .json()
            .getJsonArray("items")
            .getJsonObject(0);
    assertThat(!workflow.containsKey("lastRun") || workflow.isNull("lastRun"))
        .as(workflow.toString())
        .isTrue();
  }

  @Test
  void aGitLabJobAttestsWithTheIdTokenItsJobDeclares() {
    ok(
        admin,
        "org",
        "trusted-identity",
        "create",
        "--issuer",
        issuer.url(),
        "--audience",
        "https://chainloop.example.com",
        "--condition",
        "project_path=acme/**",
        "--condition",
        "ref=main",
        "--project",
        "core",
        "--org",
        owner.org(),
        "--token",
        owner.userToken());
    Cli pipeline =
        new Cli()
            .env(
                "CHAINLOOP_OIDC_TOKEN",
                issuer.gitLabIdToken("acme/tools/app", "main", "https://chainloop.example.com"));

    Cli.Result init = ok(pipeline, "att", "init", "--workflow", "build", "--project", "core");
    Matcher id = UUID.matcher(init.stdout());
    assertThat(id.find()).as(init.toString()).isTrue();
    ok(pipeline, "att", "push", "--key", pipeline.signingKey().toString());

    JsonObject ci =
        json(describe(id.group(), "json")).getJsonObject("run").getJsonObject("ciIdentity");
    assertThat(ci.getString("repository")).isEqualTo("acme/tools/app");
    assertThat(ci.getString("runId")).isEqualTo("1212");
  }

  @Test
  void anEs256SignedTokenIsAccepted() {
    issuer.switchToEcdsa();
    String token = issuer.idToken(MAIN, AUDIENCE, Duration.ofMinutes(5));
    assertThat(TestTokens.decodePart(token, 0)).contains("\"alg\":\"ES256\"");
    Api.Reply exchanged = exchange(token);
    assertThat(exchanged.status()).as(exchanged.toString()).isEqualTo(200);
  }

  @Test
  void aTokenOfAnotherRepositoryIsRefused() {
    Api.Reply refused =
        exchange(
            issuer.idToken(
                GitHubJob.of("mallory/app", "refs/heads/main"), AUDIENCE, Duration.ofMinutes(5)));
    assertRefused(refused, "conditions");
  }

  @Test
  void anExpiredTokenIsRefused() {
    Api.Reply refused =
        exchange(
            issuer.idToken(
                MAIN,
                AUDIENCE,
                Instant.now().minus(Duration.ofMinutes(20)),
                Duration.ofMinutes(10)));
    assertRefused(refused, "expired");
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() {
    Api.Reply refused = exchange(issuer.idToken(MAIN, "sigstore", Duration.ofMinutes(5)));
    assertRefused(refused, "audience");
  }

  @Test
  void aTokenSignedByARotatedOutKeyIsRefused() {
    PublicJsonWebKey old = issuer.currentKey();
    assertThat(exchange(issuer.idToken(MAIN, AUDIENCE, Duration.ofMinutes(5))).status())
        .isEqualTo(200);
    issuer.rotate();
    // The new key is unknown to the server's cache: it refetches the JWKS (at most once a second
    // on the test server) and then accepts tokens signed with it.
    String signedWithNewKey = issuer.idToken(MAIN, AUDIENCE, Duration.ofMinutes(5));
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> exchange(signedWithNewKey).status() == 200);

    Api.Reply refused =
        exchange(issuer.idTokenSignedWith(old, MAIN, AUDIENCE, Duration.ofMinutes(5)));
    assertRefused(refused, "signature");
  }

  @Test
  void aTokenWithAForgedSignatureIsRefused() {
    String evil =
        issuer.idToken(
            GitHubJob.of("mallory/app", "refs/heads/main"), AUDIENCE, Duration.ofMinutes(5));
    String genuine = issuer.idToken(MAIN, AUDIENCE, Duration.ofMinutes(5));
    // mallory's claims under the signature of acme/app's token
    String[] parts = evil.split("\\.");
    String forged =
        parts[0]
            + "."
            + TestTokens.b64(TestTokens.decodePart(evil, 1).replace("mallory/app", "acme/app"))
            + "."
            + genuine.split("\\.")[2];
    assertRefused(exchange(forged), "signature");
  }

  @Test
  void aTokenOfAnUntrustedIssuerIsRefused() {
    try (OidcIssuer other = OidcIssuer.start()) {
      Api.Reply refused = exchange(other.idToken(MAIN, AUDIENCE, Duration.ofMinutes(5)));
      assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
      assertThat(refused.json().getString("detail"))
          .isEqualTo("token exchange refused: no trusted identity accepts tokens of this issuer");
    }
  }

  @Test
  void aTokenOfAnIssuerThatCannotBeReachedIsRefused() {
    OidcIssuer gone = OidcIssuer.start();
    String token = gone.idToken(MAIN, AUDIENCE, Duration.ofMinutes(5));
    Api.Reply rule =
        owner
            .api()
            .header("Chainloop-Organization", owner.org())
            .post(
                "/api/v1/trusted-identities",
                "{\"issuer\":\""
                    + gone.url()
                    + "\",\"audience\":\"chainloop\",\"conditions\":[\"repository=acme/app\"]}");
    assertThat(rule.status()).as(rule.toString()).isEqualTo(201);
    gone.close();

    assertRefused(exchange(token), "issuer_unreachable");
  }

  @Test
  void theExchangedCredentialLivesAtMostAsLongAsTheIdTokenAndAtMostAnHour() {
    JsonObject longLived = exchange(issuer.idToken(MAIN, AUDIENCE, Duration.ofHours(3))).json();
    assertThat(longLived.getJsonNumber("expires_in").longValue()).isBetween(3500L, 3600L);
    assertThat(longLived.getString("token_type")).isEqualTo("Bearer");
    assertThat(longLived.getString("issued_token_type"))
        .isEqualTo("urn:ietf:params:oauth:token-type:access_token");
    assertThat(expiry(longLived.getString("access_token")))
        .isBeforeOrEqualTo(Instant.now().plus(Duration.ofHours(1)));

    Instant idTokenExpiry =
        Instant.now()
            .plus(Duration.ofMinutes(4))
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    JsonObject shortLived =
        exchange(
                issuer.idToken(
                    MAIN,
                    AUDIENCE,
                    idTokenExpiry.minus(Duration.ofMinutes(5)),
                    Duration.ofMinutes(5)))
            .json();
    assertThat(shortLived.getJsonNumber("expires_in").longValue()).isBetween(200L, 240L);
    assertThat(expiry(shortLived.getString("access_token"))).isBeforeOrEqualTo(idTokenExpiry);
  }

  @Test
  void theExchangedCredentialIsConfinedToTheRulesWorkflow() {
    ok(admin, "wf", "create", "--name", "other", "--project", "core", "--token", apiToken);
    Api credential =
        Api.withToken(
            exchange(issuer.idToken(MAIN, AUDIENCE, Duration.ofMinutes(5)))
                .json()
                .getString("access_token"));

    Api.Reply self = credential.get("/api/v1/api-tokens/self");
    assertThat(self.status()).as(self.toString()).isEqualTo(200);
    assertThat(self.json().getString("scope"))
        .isEqualTo(
            json(admin
                    .run(
                        "wf",
                        "describe",
                        "--name",
                        "build",
                        "--project",
                        "core",
                        "-o",
                        "json",
                        "--token",
                        apiToken)
                    .stdout())
                .getString("id")
                .transform(id -> "workflow/" + id));
    Api.Reply build =
        credential.post(
            "/api/v1/attestations/init", "{\"workflow\":\"build\",\"project\":\"core\"}");
    assertThat(build.status()).as(build.toString()).isEqualTo(200);
    Api.Reply other =
        credential.post(
            "/api/v1/attestations/init", "{\"workflow\":\"other\",\"project\":\"core\"}");
    assertThat(other.status()).as(other.toString()).isIn(403, 404);
    Api.Reply tokens = credential.get("/api/v1/api-tokens");
    assertThat(tokens.status()).as(tokens.toString()).isIn(401, 403);
  }

  @Test
  void deletingTheRuleRevokesTheCredentialOnTheNextRequest() {
    Api credential =
        Api.withToken(
            exchange(issuer.idToken(MAIN, AUDIENCE, Duration.ofMinutes(5)))
                .json()
                .getString("access_token"));
    assertThat(credential.get("/api/v1/api-tokens/self").status()).isEqualTo(200);

    ok(
        admin,
        "org",
        "trusted-identity",
        "delete",
        "--id",
        ruleId,
        "--org",
        owner.org(),
        "--token",
        owner.userToken());

    Api.Reply revoked = credential.get("/api/v1/api-tokens/self");
    assertThat(revoked.status()).as(revoked.toString()).isEqualTo(401);
    assertThat(exchange(issuer.idToken(MAIN, AUDIENCE, Duration.ofMinutes(5))).status())
        .isEqualTo(401);
    String audit =
        owner
            .api()
            .header("Chainloop-Organization", owner.org())
            .get("/api/v1/audit-events?limit=50")
            .body();
    assertThat(audit).contains("trusted_identity.created", "api_token.exchanged");
    assertThat(audit).contains("trusted_identity.deleted").contains("revoked_credentials=1");
  }

  @Test
  void theOrganizationListsItsTrustedIdentities() {
    Cli.Result list =
        ok(
            admin,
            "org",
            "trusted-identity",
            "list",
            "--org",
            owner.org(),
            "--token",
            owner.userToken());
    assertThat(list.stdout())
        .contains(ruleId, issuer.url(), "repository=acme/app", "ref=refs/heads/main");
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static Api.Reply exchange(String idToken) {
    String form =
        "grant_type="
            + enc("urn:ietf:params:oauth:grant-type:token-exchange")
            + "&subject_token="
            + enc(idToken)
            + "&subject_token_type="
            + enc("urn:ietf:params:oauth:token-type:id_token");
    return Api.anonymous()
        .send("POST", "/api/v1/auth/token-exchange", form, "application/x-www-form-urlencoded");
  }

  /** A 401 problem, and the reason in the organization's audit log. */
  private void assertRefused(Api.Reply refused, String reason) {
    assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.json().getString("detail")).startsWith("token exchange refused: ");
    String audit =
        owner
            .api()
            .header("Chainloop-Organization", owner.org())
            .get("/api/v1/audit-events?limit=50")
            .body();
    assertThat(audit).contains("trusted_identity.exchange_refused").contains("reason=" + reason);
  }

  private String describe(String runId, String format) {
    return ok(admin, "wf", "run", "describe", "--id", runId, "-o", format, "--token", apiToken)
        .stdout();
  }

  private static Instant expiry(String jwt) {
    return Instant.ofEpochSecond(
        json(TestTokens.decodePart(jwt, 1)).getJsonNumber("exp").longValue());
  }

  private static Cli.Result ok(Cli cli, String... args) {
    Cli.Result result = cli.run(args);
    assertThat(result.exitCode()).as(result.toString()).isZero();
    return result;
  }

  private static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
