package dev.chainloop.ee.it.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Attestations;
import dev.chainloop.ee.it.support.Cli;
import dev.chainloop.ee.it.support.DataFiles;
import dev.chainloop.ee.it.support.Fixtures;
import dev.chainloop.ee.it.support.RestartableServer;
import dev.chainloop.ee.it.support.WebhookReceiver;
import dev.chainloop.ee.it.support.WebhookReceiver.Received;
import dev.chainloop.ee.shared.Sha256;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 17, done-when 4: attestations fanned out to a webhook, Slack, Discord and Dependency-Track,
 * each a real HTTP receiver started here that checks what the real one checks (the HMAC signature,
 * the message formats, the BOM upload). A server of its own (the run's {@link RestartableServer},
 * with short leases and backoffs) so that the retries and a kill -9 mid-delivery can be shown: a
 * receiver that is down gets its delivery once it is back, and a receiver that drops repeated
 * delivery ids sees every delivery exactly once although the killed node's attempt is sent again.
 */
@ExtendWith(RestartableServer.Extension.class)
class IntegrationsIT {
  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final String SBOM =
      "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"version\":1,"
          + "\"components\":[{\"type\":\"library\",\"name\":\"left-pad\",\"version\":\"1.3.0\"}]}";

  private static RestartableServer server;
  private static String url;
  private static String userToken;
  private static String apiToken;
  private static Cli cli;
  private final List<WebhookReceiver> receivers = new ArrayList<>();

  @BeforeAll
  static void setUp(RestartableServer restartable) {
    server = restartable;
    url = restartable.url();
    Fixtures.Account account = Fixtures.ownerWithOrg(url);
    userToken = account.userToken();
    apiToken = Fixtures.apiToken(account);
    cli = new Cli().env("CHAINLOOP_CONTROL_PLANE_API", url);
  }

  @AfterEach
  void stopReceivers() {
    receivers.forEach(WebhookReceiver::close);
  }

  @Test
  void webhookSlackDiscordAndDependencyTrackGetTheAttestationInTheirFormats() throws Exception {
    Queue<Received> got = new ConcurrentLinkedQueue<>();
    String base = receiver(0, got, exchange -> 200).url();
    String secret = "hmac-" + Fixtures.uniqueName("secret");
    String apiKey = "odt_" + Fixtures.uniqueName("key");
    String slackUrl = base + "/slack/T000/B000/" + Fixtures.uniqueName("xoxb");
    String discordUrl = base + "/discord/api/webhooks/1/" + Fixtures.uniqueName("tok");

    owner("integration", "available", "list").ok();
    Cli.Result schema =
        owner("integration", "available", "describe", "--name", "dependency-track", "-o", "json");
    assertThat(json(schema.stdout()).getJsonObject("attachmentSchema").getJsonObject("properties"))
        .containsKeys("projectName", "projectVersion");

    owner(
            "integration",
            "registered",
            "add",
            "webhook",
            "--name",
            "hook",
            "--opt",
            "url=" + base + "/hook",
            "--opt",
            "secret=" + secret)
        .ok();
    owner(
            "integration",
            "registered",
            "add",
            "slack-webhook",
            "--name",
            "slack",
            "--opt",
            "webhook=" + slackUrl)
        .ok();
    owner(
            "integration",
            "registered",
            "add",
            "discord-webhook",
            "--name",
            "discord",
            "--opt",
            "webhook=" + discordUrl + ",username=chainloop-bot")
        .ok();
    owner(
            "integration",
            "registered",
            "add",
            "dependency-track",
            "--name",
            "dt",
            "--description",
            "SBOMs to DT",
            "--opt",
            "instanceURI=" + base + "/dt",
            "--opt",
            "apiKey=" + apiKey)
        .ok();

    String runId = initWithCli("shop", "retail");
    for (String name : List.of("hook", "slack", "discord")) {
      owner(
              "integration",
              "attached",
              "add",
              "--integration",
              name,
              "--workflow",
              "shop",
              "--project",
              "retail")
          .ok();
    }
    owner(
            "integration",
            "attached",
            "add",
            "--integration",
            "dt",
            "--workflow",
            "shop",
            "--project",
            "retail",
            "--opt",
            "projectName=storefront",
            "--opt",
            "projectVersion=2.1.0")
        .ok();
    Path sbom = cli.write("sbom.cdx.json", SBOM);
    cli.run(
            "att",
            "add",
            "--name",
            "sbom",
            "--kind",
            "SBOM_CYCLONEDX_JSON",
            "--value",
            sbom.toString(),
            "--token",
            apiToken)
        .ok();
    cli.run("att", "push", "--key", cli.signingKey().toString(), "--token", apiToken).ok();

    await("four deliveries").atMost(Duration.ofSeconds(60)).until(() -> got.size() >= 4);
    String digest = attestationDigest(runId);
    String sbomDigest = Sha256.prefixed(SBOM.getBytes(StandardCharsets.UTF_8));

    Received hook = only(got, "/hook");
    assertThat(hook.method()).isEqualTo("POST");
    assertThat(hook.header("X-Chainloop-Signature"))
        .isEqualTo("sha256=" + WebhookReceiver.hmac(secret, hook.body()));
    JsonObject summary = hook.json();
    assertThat(summary.getString("event")).isEqualTo("attestation.stored");
    assertThat(summary.getString("deliveryId")).isEqualTo(hook.header("X-Chainloop-Delivery"));
    assertThat(summary.getJsonObject("workflow").getString("name")).isEqualTo("shop");
    assertThat(summary.getJsonObject("workflow").getString("project")).isEqualTo("retail");
    assertThat(summary.getJsonObject("run").getString("id")).isEqualTo(runId);
    assertThat(summary.getJsonObject("attestation").getString("digest")).isEqualTo(digest);
    assertThat(summary.getString("policyStatus")).isEqualTo("none");
    assertThat(summary.getJsonObject("annotations")).isNotNull();
    JsonObject material = summary.getJsonArray("materials").getJsonObject(0);
    assertThat(material.getString("name")).isEqualTo("sbom");
    assertThat(material.getString("kind")).isEqualTo("SBOM_CYCLONEDX_JSON");
    assertThat(material.getString("digest")).isEqualTo(sbomDigest);

    Received slack = only(got, "/slack");
    assertThat(slack.method()).isEqualTo("POST");
    assertThat(slack.header("Content-Type")).startsWith("application/json");
    JsonObject slackMessage = slack.json();
    assertThat(slackMessage.getString("text")).contains(digest);
    JsonArray blocks = slackMessage.getJsonArray("blocks");
    assertThat(blocks.getJsonObject(0).getString("type")).isEqualTo("header");
    assertThat(blocks.getJsonObject(0).getJsonObject("text").getString("type"))
        .isEqualTo("plain_text");
    JsonObject section = blocks.getJsonObject(1);
    assertThat(section.getString("type")).isEqualTo("section");
    assertThat(section.getJsonArray("fields")).isNotEmpty().hasSizeLessThanOrEqualTo(10);
    section
        .getJsonArray("fields")
        .forEach(f -> assertThat(f.asJsonObject().getString("type")).isEqualTo("mrkdwn"));

    Received discord = only(got, "/discord");
    JsonObject discordMessage = discord.json();
    assertThat(discordMessage.getString("content")).contains(digest).hasSizeLessThan(2000);
    assertThat(discordMessage.getString("username")).isEqualTo("chainloop-bot");
    JsonObject embed = discordMessage.getJsonArray("embeds").getJsonObject(0);
    assertThat(embed.getString("title")).isNotBlank();
    embed
        .getJsonArray("fields")
        .forEach(
            f -> {
              assertThat(f.asJsonObject().getString("name")).isNotBlank();
              assertThat(f.asJsonObject().getString("value")).isNotBlank().hasSizeLessThan(1024);
            });

    Received dt = only(got, "/dt/api/v1/bom");
    assertThat(dt.method()).isEqualTo("PUT");
    assertThat(dt.header("X-Api-Key")).isEqualTo(apiKey);
    JsonObject upload = dt.json();
    assertThat(upload.getString("projectName")).isEqualTo("storefront");
    assertThat(upload.getString("projectVersion")).isEqualTo("2.1.0");
    assertThat(upload.getBoolean("autoCreate")).isTrue();
    assertThat(
            new String(Base64.getDecoder().decode(upload.getString("bom")), StandardCharsets.UTF_8))
        .isEqualTo(SBOM);

    JsonArray log = jsonArray(owner("integration", "deliveries", "list", "-o", "json").stdout());
    List<JsonObject> ours =
        log.stream()
            .map(v -> v.asJsonObject())
            .filter(d -> d.getString("runId").equals(runId))
            .toList();
    assertThat(ours).hasSize(4);
    ours.forEach(
        d -> {
          assertThat(d.getString("status")).isEqualTo("DELIVERED");
          assertThat(d.getInt("attempts")).isEqualTo(1);
          assertThat(d.getString("attestationDigest")).isEqualTo(digest);
        });

    // Done-when 3 for integrations: the secrets are in no response, log or database file in clear.
    List<String> secrets = List.of(secret, apiKey, slackUrl, discordUrl);
    String listed = owner("integration", "registered", "list", "-o", "json").stdout();
    String described =
        owner("integration", "registered", "describe", "--name", "dt", "-o", "json").stdout();
    assertThat(listed).contains("instanceURI").contains("apiKey");
    for (String s : secrets) {
      assertThat(listed).doesNotContain(s);
      assertThat(described).doesNotContain(s);
      assertThat(Files.readString(server.messagesLog())).doesNotContain(s);
      assertThat(DataFiles.containing(server.dataDir(), s)).as("files holding " + s).isEmpty();
    }
  }

  @Test
  void aReceiverThatIsDownGetsTheDeliveryOnceItIsBack() throws Exception {
    int port;
    try (ServerSocket reserved = new ServerSocket(0)) {
      port = reserved.getLocalPort();
    }
    String secret = Fixtures.uniqueName("late");
    owner(
            "integration",
            "registered",
            "add",
            "webhook",
            "--name",
            "late",
            "--opt",
            "url=http://127.0.0.1:" + port + "/late",
            "--opt",
            "secret=" + secret)
        .ok();
    String runId = init("late", "retail");
    owner(
            "integration",
            "attached",
            "add",
            "--integration",
            "late",
            "--workflow",
            "late",
            "--project",
            "retail")
        .ok();
    store(runId);

    await("attempts against a receiver that is down")
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                delivery(runId)
                    .filter(
                        d ->
                            d.getString("status").equals("PENDING")
                                && d.getInt("attempts") >= 2
                                && !d.getString("lastError", "").isEmpty())
                    .isPresent());

    Queue<Received> got = new ConcurrentLinkedQueue<>();
    receiver(port, got, exchange -> 200);
    await("the delivery after the receiver came back")
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                delivery(runId).filter(d -> d.getString("status").equals("DELIVERED")).isPresent());
    assertThat(got).hasSize(1);
    Received r = got.peek();
    assertThat(r.signedWith(secret)).as("HMAC of the body").isTrue();
    assertThat(r.header("X-Chainloop-Delivery")).isEqualTo(delivery(runId).get().getString("id"));
    assertThat(r.json().getJsonObject("run").getString("id")).isEqualTo(runId);
  }

  @Test
  void aNodeKilledMidDeliveryLosesNothingAndADeduplicatingReceiverSeesEachDeliveryOnce()
      throws Exception {
    Queue<Received> raw = new ConcurrentLinkedQueue<>();
    Set<String> processed = ConcurrentHashMap.newKeySet();
    List<String> duplicates = new ArrayList<>();
    CountDownLatch blocked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    WebhookReceiver receiver =
        receiver(
            0,
            raw,
            exchange -> {
              String id = exchange.getRequestHeaders().getFirst("X-Chainloop-Delivery");
              if (!processed.add(id)) {
                synchronized (duplicates) {
                  duplicates.add(id);
                }
                return 200; // seen: acknowledged, not processed again
              }
              if (blocked.getCount() == 1) {
                blocked.countDown(); // the first delivery hangs until the node is dead
                release.await(120, TimeUnit.SECONDS);
              }
              return 200;
            });
    String secret = Fixtures.uniqueName("dedup");
    owner(
            "integration",
            "registered",
            "add",
            "webhook",
            "--name",
            "dedup",
            "--opt",
            "url=" + receiver.url() + "/dedup",
            "--opt",
            "secret=" + secret)
        .ok();
    List<String> runs = new ArrayList<>();
    runs.add(init("crashy", "retail"));
    owner(
            "integration",
            "attached",
            "add",
            "--integration",
            "dedup",
            "--workflow",
            "crashy",
            "--project",
            "retail")
        .ok();
    store(runs.get(0));
    assertThat(blocked.await(60, TimeUnit.SECONDS))
        .as("the receiver got the first delivery")
        .isTrue();
    for (int i = 0; i < 2; i++) {
      String run = init("crashy", "retail");
      store(run);
      runs.add(run);
    }

    server.kill(); // SIGKILL while the first delivery is in flight
    release.countDown();
    server.start();

    await("every delivery delivered after the restart")
        .atMost(Duration.ofSeconds(120))
        .until(
            () ->
                runs.stream()
                    .allMatch(
                        r ->
                            delivery(r)
                                .filter(d -> d.getString("status").equals("DELIVERED"))
                                .isPresent()));
    Set<String> ids = ConcurrentHashMap.newKeySet();
    runs.forEach(r -> ids.add(delivery(r).get().getString("id")));
    assertThat(ids).hasSize(3);
    assertThat(processed).as("processed once each").containsExactlyInAnyOrderElementsOf(ids);
    String first = delivery(runs.get(0)).get().getString("id");
    assertThat(duplicates).as("the killed node's attempt, sent again").containsExactly(first);
    for (Received r : raw) {
      assertThat(r.signedWith(secret)).as("HMAC of the body").isTrue();
    }
  }

  @Test
  void registrationsAreCheckedAndOnlyAdminsManageThem() {
    Cli.Result unknown =
        owner(
            "integration",
            "registered",
            "add",
            "webhook",
            "--name",
            "bad",
            "--opt",
            "url=https://example.com",
            "--opt",
            "secret=x",
            "--opt",
            "colour=blue");
    assertThat(unknown.exitCode()).isNotZero();
    assertThat(unknown.stderr().lines().filter(l -> l.startsWith("ERR")))
        .containsExactly("ERR options.colour: unknown option, expected one of [url, secret]");
    assertThat(unknown.stderr()).doesNotContain("Exception");

    Api owner = Api.withToken(userToken).on(url);
    Api.Reply missing =
        owner.post(
            "/api/v1/integrations/registered",
            "{\"kind\":\"webhook\",\"name\":\"nosecret\",\"options\":{\"url\":\"https://example.com\"}}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    assertThat(missing.body()).contains("options.secret");
    Api.Reply badUrl =
        owner.post(
            "/api/v1/integrations/registered",
            "{\"kind\":\"slack-webhook\",\"name\":\"badurl\",\"options\":{\"webhook\":\"file:///etc/passwd\"}}");
    assertThat(badUrl.status()).isEqualTo(400);
    assertThat(badUrl.body()).contains("options.webhook");
    Api.Reply kind =
        owner.post(
            "/api/v1/integrations/registered",
            "{\"kind\":\"smtp\",\"name\":\"mail\",\"options\":{}}");
    assertThat(kind.status()).isEqualTo(400);
    assertThat(kind.body()).contains("\"kind\"");
    String body =
        "{\"kind\":\"webhook\",\"name\":\"twice\",\"options\":{\"url\":\"https://example.com\",\"secret\":\"s\"}}";
    assertThat(owner.post("/api/v1/integrations/registered", body).status()).isEqualTo(201);
    assertThat(owner.post("/api/v1/integrations/registered", body).status()).isEqualTo(409);
    Api.Reply updated =
        owner.patch(
            "/api/v1/integrations/registered/twice",
            "{\"description\":\"rotated\",\"options\":{\"secret\":\"new-secret\"}}");
    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(updated.json().getString("description")).isEqualTo("rotated");
    assertThat(updated.body()).doesNotContain("new-secret");

    // API tokens attest; they do not manage integrations (checklist Z2)
    Api token = Api.withToken(apiToken).on(url);
    assertThat(token.post("/api/v1/integrations/registered", body.replace("twice", "ci")).status())
        .isEqualTo(403);
    assertThat(token.delete("/api/v1/integrations/registered/twice").status()).isEqualTo(403);
    assertThat(Api.anonymous().on(url).get("/api/v1/integrations/registered").status())
        .isEqualTo(401);
    assertThat(owner.delete("/api/v1/integrations/registered/twice").status()).isEqualTo(204);
    assertThat(owner.get("/api/v1/integrations/registered/twice").status()).isEqualTo(404);
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static Cli.Result owner(String... args) {
    String[] all =
        Stream.concat(Stream.of(args), Stream.of("--token", userToken)).toArray(String[]::new);
    return cli.run(all);
  }

  private static String init(String workflow, String project) {
    Api.Reply init =
        Api.withToken(apiToken)
            .on(url)
            .post(
                "/api/v1/attestations/init",
                "{\"workflow\":\"" + workflow + "\",\"project\":\"" + project + "\"}");
    assertThat(init.status()).as(init.toString()).isEqualTo(200);
    return init.json().getString("attestationId");
  }

  /** {@code attestation init} with the CLI, whose state then names the run; its id. */
  private static String initWithCli(String workflow, String project) {
    Cli.Result init =
        cli.run(
            "att",
            "init",
            "--workflow",
            workflow,
            "--project",
            project,
            "--replace",
            "--token",
            apiToken);
    init.ok();
    Matcher m = UUID.matcher(init.stdout());
    assertThat(m.find()).as(init.toString()).isTrue();
    return m.group();
  }

  private static void store(String runId) {
    byte[] bundle = Attestations.bundle(runId, runId);
    Api.Reply stored =
        Api.withToken(apiToken)
            .on(url)
            .send(
                "POST",
                Attestations.storePath(runId),
                new String(bundle, StandardCharsets.UTF_8),
                "application/json");
    assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
  }

  private static String attestationDigest(String runId) {
    Api.Reply run = Api.withToken(apiToken).on(url).get("/api/v1/workflow-runs/" + runId);
    assertThat(run.status()).as(run.toString()).isEqualTo(200);
    return run.json().getJsonObject("run").getString("attestationDigest");
  }

  /** The delivery log's entry for the run's attestation, through the REST API. */
  private static Optional<JsonObject> delivery(String runId) {
    Api.Reply log =
        Api.withToken(userToken).on(url).get("/api/v1/integrations/deliveries?limit=100");
    assertThat(log.status()).as(log.toString()).isEqualTo(200);
    return log.json().getJsonArray("items").stream()
        .map(v -> v.asJsonObject())
        .filter(d -> d.getString("runId").equals(runId))
        .findFirst();
  }

  private WebhookReceiver receiver(int port, Queue<Received> got, WebhookReceiver.Answer answer)
      throws IOException {
    WebhookReceiver receiver = WebhookReceiver.start(port, got, answer);
    receivers.add(receiver);
    return receiver;
  }

  private static Received only(Queue<Received> got, String pathPrefix) {
    List<Received> matching = got.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    assertThat(matching).as("requests to " + pathPrefix).hasSize(1);
    return matching.get(0);
  }

  private static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  private static JsonArray jsonArray(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readArray();
    }
  }
}
