package dev.chainloop.ee.it.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Cli;
import dev.chainloop.ee.it.support.Fixtures;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Accounts, login, organizations, members and invitations, driven through the real CLI. */
class IdentityIT {
  @Test
  void ownerInvitesAViewerWhoCannotInviteUntilPromoted() {
    String ownerEmail = Fixtures.uniqueName("owner") + "@example.com";
    String viewerEmail = Fixtures.uniqueName("viewer") + "@example.com";
    String org = Fixtures.uniqueName("org");
    Cli owner = Cli.loggedInAs(ownerEmail);

    owner.run("organization", "create", "--name", org).ok();
    Cli.Result list = owner.run("org", "list").ok();
    assertThat(list.stdout())
        .contains("NAME")
        .contains("CURRENT")
        .contains("ROLE")
        .contains(org)
        .contains("owner");

    owner
        .run("org", "member", "invitation", "create", "--receiver", viewerEmail, "--role", "viewer")
        .ok();
    assertThat(owner.run("org", "member", "invitation", "list").ok().stdout())
        .contains(viewerEmail)
        .contains("pending");

    Cli viewer = Cli.loggedInAs(viewerEmail);
    assertThat(viewer.run("org", "list").ok().stdout()).contains(org).contains("viewer");
    viewer.run("org", "set", "--name", org).ok();
    Cli.Result denied =
        viewer.run("org", "member", "invitation", "create", "--receiver", "third@example.com");
    assertThat(denied.exitCode()).isNotZero();
    assertThat(denied.stderr()).contains("organization_invitations:create");
    assertThat(denied.stderr().strip().lines().count()).isEqualTo(1);

    assertThat(owner.run("org", "member", "list").ok().stdout())
        .contains(viewerEmail)
        .contains("viewer");
    String viewerMembershipId =
        Api.withToken(Fixtures.login(ownerEmail))
            .get("/api/v1/members?email=" + viewerEmail)
            .json()
            .getJsonArray("items")
            .getJsonObject(0)
            .getString("id");
    owner.run("org", "member", "update", "--id", viewerMembershipId, "--role", "admin").ok();
    viewer.run("org", "member", "invitation", "create", "--receiver", "third@example.com").ok();
  }

  @Test
  void shortSessionExpiresAndLogoutEndsItAtOnce() throws Exception {
    String email = Fixtures.uniqueName("short") + "@example.com";
    Fixtures.signupAndLogin(email);
    Api.Reply login =
        Api.anonymous()
            .post(
                "/api/v1/auth/login",
                "{\"email\":\""
                    + email
                    + "\",\"password\":\""
                    + Fixtures.PASSWORD
                    + "\",\"expiresIn\":\"2s\"}");
    String shortToken = login.json().getString("token");
    assertThat(Api.withToken(shortToken).get("/api/v1/context").status()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(Api.withToken(shortToken).get("/api/v1/context").status())
                    .isEqualTo(401));

    Cli cli = new Cli();
    cli.runWithInput(
            Fixtures.PASSWORD + "\n", "auth", "login", "--email", email, "--password-stdin")
        .ok();
    String stored = Files.readString(cli.home().resolve(".config/chainloop/config.toml"));
    String token = stored.replaceAll("(?s).*token\\s*=\\s*\"([^\"]+)\".*", "$1");
    assertThat(Api.withToken(token).get("/api/v1/context").status()).isEqualTo(200);
    cli.run("auth", "logout").ok();
    assertThat(Api.withToken(token).get("/api/v1/context").status()).isEqualTo(401);
    Cli.Result after = cli.run("org", "list");
    assertThat(after.exitCode()).isNotZero();
    assertThat(after.stderr()).contains("chainloop auth login");
  }

  @Test
  void badCredentialsGiveOneAnswerAndAreThrottled() {
    String email = Fixtures.uniqueName("victim") + "@example.com";
    Fixtures.signupAndLogin(email);
    Api.Reply wrongPassword =
        Api.anonymous()
            .post(
                "/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"wrong-password\"}");
    Api.Reply unknownEmail =
        Api.anonymous()
            .post(
                "/api/v1/auth/login",
                "{\"email\":\"nobody-" + email + "\",\"password\":\"wrong-password\"}");
    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(unknownEmail.status()).isEqualTo(401);
    assertThat(wrongPassword.json().getString("detail"))
        .isEqualTo(unknownEmail.json().getString("detail"));

    Api.Reply last = null;
    for (int i = 0; i < 6; i++) {
      last =
          Api.anonymous()
              .post(
                  "/api/v1/auth/login",
                  "{\"email\":\"" + email + "\",\"password\":\"guess-" + i + "\"}");
    }
    assertThat(last.status()).isEqualTo(429);
    assertThat(last.header("Retry-After")).isNotBlank();
  }

  @Test
  void membersOfOneOrganizationSeeNothingOfAnother() {
    Fixtures.Account a = Fixtures.ownerWithOrg();
    Fixtures.Account b = Fixtures.ownerWithOrg();
    String bToken = Fixtures.apiToken(b);
    String bTokenId = Api.withToken(bToken).get("/api/v1/api-tokens/self").json().getString("id");
    String bMemberId =
        b.api()
            .get("/api/v1/members")
            .json()
            .getJsonArray("items")
            .getJsonObject(0)
            .getString("id");
    Api.Reply invitation =
        b.api().post("/api/v1/invitations", "{\"receiver\":\"z@example.com\",\"role\":\"viewer\"}");
    String bInvitationId = invitation.json().getString("id");

    assertThat(a.api().delete("/api/v1/api-tokens/" + bTokenId).status()).isEqualTo(404);
    assertThat(a.api().patch("/api/v1/members/" + bMemberId, "{\"role\":\"viewer\"}").status())
        .isEqualTo(404);
    assertThat(a.api().delete("/api/v1/members/" + bMemberId).status()).isEqualTo(404);
    assertThat(a.api().delete("/api/v1/invitations/" + bInvitationId).status()).isEqualTo(404);
    assertThat(a.api().header("Chainloop-Organization", b.org()).get("/api/v1/members").status())
        .isEqualTo(404);
  }

  @Test
  void removedMemberLosesAccessOnTheNextRequest() {
    Fixtures.Account owner = Fixtures.ownerWithOrg();
    String email = Fixtures.uniqueName("leaver") + "@example.com";
    owner.api().post("/api/v1/invitations", "{\"receiver\":\"" + email + "\",\"role\":\"admin\"}");
    String memberToken = Fixtures.signupAndLogin(email);
    Api member = Api.withToken(memberToken).header("Chainloop-Organization", owner.org());
    assertThat(member.get("/api/v1/members").status()).isEqualTo(200);
    String id =
        owner
            .api()
            .get("/api/v1/members?email=" + email)
            .json()
            .getJsonArray("items")
            .getJsonObject(0)
            .getString("id");
    assertThat(owner.api().delete("/api/v1/members/" + id).status()).isEqualTo(204);
    // No longer a member: the organization is as unknown to them as any other (never a 403).
    assertThat(member.get("/api/v1/members").status()).isEqualTo(404);
  }

  @Test
  void deletingTheOrganizationKillsItsTokens() {
    Fixtures.Account owner = Fixtures.ownerWithOrg();
    String token = Fixtures.apiToken(owner);
    assertThat(Api.withToken(token).get("/api/v1/context").status()).isEqualTo(200);
    assertThat(owner.api().delete("/api/v1/organizations/" + owner.org()).status()).isEqualTo(204);
    assertThat(Api.withToken(token).get("/api/v1/context").status()).isEqualTo(401);
  }
}
