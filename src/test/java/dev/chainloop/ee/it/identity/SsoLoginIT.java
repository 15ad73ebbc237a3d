package dev.chainloop.ee.it.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Cli;
import dev.chainloop.ee.it.support.Fixtures;
import dev.chainloop.ee.it.support.KeycloakServer;
import dev.chainloop.ee.it.support.TestTokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on for people through a real OpenID Connect provider (Keycloak, started by the test):
 * {@code auth login --sso --skip-browser} in a terminal, the person approving in a browser the test
 * plays; the account is created from the verified email, the provider's group {@code
 * chainloop-admins} becomes the admin role of organization {@code sso-org} (the test server's
 * {@code chainloop.sso.group-roles}), and the 24-hour user token works as a password login's.
 */
class SsoLoginIT {
  private static final Pattern OPEN = Pattern.compile("open (https://\\S+) and confirm the code");
  private static KeycloakServer keycloak;

  @BeforeAll
  static void startTheProviderAndTheMappedOrganization() {
    keycloak = KeycloakServer.start();
    Fixtures.Account owner = Fixtures.ownerWithOrg();
    Api.Reply org = owner.api().post("/api/v1/organizations", "{\"name\":\"sso-org\"}");
    assertThat(org.status()).as(org.toString()).isIn(201, 409);
  }

  @AfterAll
  static void stopTheProvider() {
    if (keycloak != null) {
      keycloak.close();
    }
  }

  @Test
  void ssoLoginCreatesTheAccountMapsItsGroupToARoleAndItsUserTokenWorks() throws Exception {
    Cli cli = new Cli();
    Cli.Running login = cli.start("auth", "login", "--sso", "--skip-browser");
    String[] page = new String[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              assertThat(login.code().isDone()).as(login.stderrSoFar()).isFalse();
              Matcher m = OPEN.matcher(login.stderrSoFar());
              if (m.find()) {
                page[0] = m.group(1);
              }
              return page[0] != null;
            });
    keycloak.approve(page[0]);
    Cli.Result done = login.await(Duration.ofSeconds(60));
    assertThat(done.exitCode()).as(done.toString()).isZero();

    String token = savedToken(cli.home());
    JsonObject claims = json(TestTokens.decodePart(token, 1));
    assertThat(claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue())
        .isEqualTo(Duration.ofHours(24).toSeconds());
    JsonObject context = Api.withToken(token).get("/api/v1/context").json();
    assertThat(context.toString()).contains("alice@sso.example.com");

    Cli.Result orgs = cli.run("org", "list", "-o", "json");
    assertThat(orgs.exitCode()).as(orgs.toString()).isZero();
    assertThat(orgs.stdout()).contains("\"sso-org\"").contains("\"admin\"");
  }

  private static String savedToken(Path home) throws Exception {
    Path config = home.resolve(".config/chainloop/config.toml");
    Matcher m =
        Pattern.compile("token\\s*=\\s*[\"']([^\"']+)[\"']").matcher(Files.readString(config));
    assertThat(m.find()).as(Files.readString(config)).isTrue();
    return m.group(1);
  }

  private static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
