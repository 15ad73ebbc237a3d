package dev.chainloop.ee.it.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Cli;
import dev.chainloop.ee.it.support.Fixtures;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit log's hash chain against the real server and the real CLI: intact after real requests
 * (also many at once), and an edit made directly in the database is named by {@code organization
 * audit verify}. The edit goes through {@link AuditTamperServlet}, deployed beside the application.
 */
@ExtendWith(ArquillianExtension.class)
class AuditChainIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.create(WebArchive.class, "audit-tamper.war")
        .addClass(AuditTamperServlet.class);
  }

  @ArquillianResource URL tamper;

  private static JsonObject verification(Fixtures.Account owner) {
    Api.Reply reply = owner.api().get("/api/v1/audit-events/verification");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  private static List<JsonObject> events(Fixtures.Account owner) {
    Api.Reply reply = owner.api().get("/api/v1/audit-events?limit=100");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
  }

  private static Cli cliOf(Fixtures.Account owner) {
    return new Cli().env("CHAINLOOP_TOKEN", owner.userToken());
  }

  private int tamper(String query) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(tamper + "audit-events?" + query))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Integer.parseInt(r.body().trim());
  }

  @Test
  void editedDetailIsNamedByVerifyWhichExitsNonZero() throws Exception {
    Fixtures.Account owner = Fixtures.ownerWithOrg();
    for (int i = 0; i < 3; i++) {
      Fixtures.apiToken(owner);
    }
    List<JsonObject> events = events(owner);
    assertThat(events).hasSizeGreaterThanOrEqualTo(4);
    Cli cli = cliOf(owner);
    Cli.Result intact = cli.run("organization", "audit", "verify");
    assertThat(intact.exitCode()).as(intact.toString()).isZero();
    assertThat(intact.stdout()).startsWith("audit chain intact: " + events.size() + " events");

    JsonObject victim = events.get(1);
    assertThat(tamper("edit=" + victim.getString("id") + "&detail=name%3Dinnocent")).isEqualTo(1);

    JsonObject verdict = verification(owner);
    assertThat(verdict.getBoolean("intact")).isFalse();
    JsonObject broken = verdict.getJsonObject("brokenLink");
    assertThat(broken.getString("eventId")).isEqualTo(victim.getString("id"));
    assertThat(broken.getJsonNumber("position").longValue())
        .isEqualTo(victim.getJsonNumber("chainPosition").longValue());
    assertThat(broken.getString("found")).isEqualTo(victim.getString("hash"));
    assertThat(broken.getString("expected")).isNotEqualTo(victim.getString("hash"));

    Cli.Result caught = cli.run("organization", "audit", "verify");
    assertThat(caught.exitCode()).as(caught.toString()).isEqualTo(1);
    assertThat(caught.stderr())
        .isEqualTo(
            "ERR audit chain broken at position "
                + victim.getJsonNumber("chainPosition").longValue()
                + " (event "
                + victim.getString("id")
                + "): event content does not match its hash (edited)\n");
  }

  @Test
  void eachEventLinksToThePreviousOneFromTheGenesis() {
    Fixtures.Account owner = Fixtures.ownerWithOrg();
    Fixtures.apiToken(owner);
    List<JsonObject> newestFirst = events(owner);
    JsonObject first = newestFirst.get(newestFirst.size() - 1);
    assertThat(first.getJsonNumber("chainPosition").longValue()).isEqualTo(1);
    assertThat(first.getString("previousHash")).isEqualTo("0".repeat(64));
    for (int i = 0; i < newestFirst.size() - 1; i++) {
      assertThat(newestFirst.get(i).getString("previousHash"))
          .isEqualTo(newestFirst.get(i + 1).getString("hash"));
    }
    assertThat(verification(owner).getString("headHash"))
        .isEqualTo(newestFirst.get(0).getString("hash"));
  }

  @Test
  void upgradedOrganizationCountsItsPreChainEventsAndStartsOneChainUnderConcurrentAppends()
      throws Exception {
    Fixtures.Account owner = Fixtures.ownerWithOrg();
    Fixtures.apiToken(owner);
    int preChain = tamper("downgrade=" + events(owner).get(0).getString("id"));
    assertThat(preChain).isGreaterThanOrEqualTo(2);
    JsonObject upgraded = verification(owner);
    assertThat(upgraded.getBoolean("intact")).as(upgraded.toString()).isTrue();
    assertThat(upgraded.getJsonNumber("events").longValue()).isZero();
    assertThat(upgraded.getJsonNumber("legacyEvents").longValue()).isEqualTo(preChain);

    createTokensAtOnce(owner, 16);

    JsonObject verdict = verification(owner);
    assertThat(verdict.getBoolean("intact")).as(verdict.toString()).isTrue();
    assertThat(verdict.getJsonNumber("events").longValue()).isEqualTo(16);
    assertThat(verdict.getJsonNumber("legacyEvents").longValue()).isEqualTo(preChain);
    Cli.Result r = cliOf(owner).run("org", "audit", "verify");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stdout())
        .isEqualTo(
            "audit chain intact: 16 events, head "
                + verdict.getString("headHash")
                + "\n"
                + preChain
                + " events from before the chain existed are not linked\n");
  }

  /** {@code count} API tokens created by parallel requests; every one must succeed. */
  private static void createTokensAtOnce(Fixtures.Account owner, int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      List<Future<String>> created = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        created.add(pool.submit(() -> Fixtures.apiToken(owner)));
      }
      for (Future<String> f : created) {
        assertThat(f.get()).isNotBlank();
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void manyConcurrentAuditedRequestsKeepTheChainLinear() throws Exception {
    Fixtures.Account owner = Fixtures.ownerWithOrg();
    int requests = 48;
    createTokensAtOnce(owner, requests);
    long total = owner.api().get("/api/v1/audit-events?limit=1").json().getInt("totalCount");
    assertThat(total).isGreaterThanOrEqualTo(requests + 1);

    JsonObject verdict = verification(owner);
    assertThat(verdict.getBoolean("intact")).as(verdict.toString()).isTrue();
    assertThat(verdict.getJsonNumber("events").longValue()).isEqualTo(total);
    assertThat(verdict.getJsonNumber("legacyEvents").longValue()).isZero();
  }

  @Test
  void viewersAreRefusedLikeTheAuditList() {
    Fixtures.Account owner = Fixtures.ownerWithOrg();
    String viewerEmail = Fixtures.uniqueName("viewer") + "@example.com";
    Api.Reply invited =
        owner
            .api()
            .post(
                "/api/v1/invitations",
                "{\"receiver\":\"" + viewerEmail + "\",\"role\":\"viewer\"}");
    assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
    Api viewer =
        Api.withToken(Fixtures.signupAndLogin(viewerEmail))
            .header("Chainloop-Organization", owner.org());
    assertThat(viewer.get("/api/v1/workflows").status()).as("a member").isEqualTo(200);

    Api.Reply refused = viewer.get("/api/v1/audit-events/verification");
    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(refused.body()).contains("audit:list");
    assertThat(Api.anonymous().get("/api/v1/audit-events/verification").status()).isEqualTo(401);
  }
}
